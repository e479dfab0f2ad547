"""Rebuild the once-only scorings of the evaluation set from the repository's history.

From the fourth batch on, each batch of ``tests/eval/extract/`` was scored once by an
extractor that had never seen it, and only then tuned on (``TUNED_AFTER_SCORING`` in
``eval_extract.py``). Those scorings are the project's measure on unseen text. This script
runs them again: for each batch it checks out, in a temporary git worktree, the commit whose
extractor scored it (:data:`SCORED_AT`), runs that extractor on the batch's passages, and
scores its output with today's matcher, with precision by kind of claim
(``eval_extract.py --by-class``): which claims were right on text the rules were not
written against.

    python scripts/eval_history.py                  # every batch scored once, and the sum
    python scripts/eval_history.py 2026-12-05a 2026-12-05b   # some of them, and their sum
    python scripts/eval_history.py 2026-12-04l -v   # one batch, its wrong claims and false alarms

The passages are read as annotated now, so a batch re-annotated after its scoring
(``2026-12-04k``: two passages, see the set's README) gives a little more than it did then;
the claims found are the same.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_extract as ev

ROOT = Path(__file__).resolve().parents[1]

SCORED_AT = {
    "2026-12-03d": "5a50d66f6dc3948b74ef39861430248439326946",
    "2026-12-03e": "db09c2125dbc348937ba78627ac9b9ec13fad486",
    "2026-12-03f": "d175a4803a5ffbe4fff3807d84479ca634487317",
    "2026-12-03g": "155f267f00e4dd8f9124cbe8d92a1bbe4a299bc4",
    "2026-12-03h": "b05de945d801d231c6e9e2b3c8c581c14eb2b008",
    "2026-12-03i": "40ffecaa8a1483aa2a91930715e328e313e0fe80",
    "2026-12-03j": "cfdf5d130669d0c1c0357ceb4ed011ffeab7e794",
    "2026-12-04a": "672b3808ec7e400a9aa774d03584f6851508ce30",
    "2026-12-04b": "46b6a7ac960b553a96f567e90afd2e2115ba5a77",
    "2026-12-04c": "f73809b4e36520023071c13761cd913d8712e1e1",
    "2026-12-04d": "c0363b441f42f8d55f966d0f92d93de3cb1f48d7",
    "2026-12-04e": "2e2418cf27d458dc7a731b36ad3697ea3a167997",
    "2026-12-04f": "1787d566286f6a443058d15bbc6e231dfa48377c",
    "2026-12-04g": "49fdbbc4917a92c8a2145193e66cbe87e7801efa",
    "2026-12-04h": "76fbaca50f91a4f7497a39f58a20e4f12570dd0c",
    "2026-12-04i": "03b825eced0063d5042d5000b1075e0223b8d2d3",
    "2026-12-04j": "977c3a9d9bbe58f82c7f2f720c0a80847ad2d8e9",
    "2026-12-04k": "c9d4ebfda34eac227f3efb30d2220b4206794cf4",
    "2026-12-04l": "974c40cfa5e5161ce83f04166e77d31361540cc2",
    "2026-12-05a": "a142f01a7f78d85d66440a8762d1e90d9d072d5b",
    "2026-12-05b": "a142f01a7f78d85d66440a8762d1e90d9d072d5b",
    "2026-12-05c": "a142f01a7f78d85d66440a8762d1e90d9d072d5b",
    "2026-12-05d": "d5bc0e241cf25ff79d8a59dae7fd03a38f76c7d3",
    "2026-12-05e": "d5bc0e241cf25ff79d8a59dae7fd03a38f76c7d3",
    "2026-12-05f": "9aadbb36c86ba4f09889c454cd8644ad0c9073d4",
    "2026-12-05g": "1db3cbfd21c09a8ab15e2c9c64d2abf9c18b019e",
    "2026-12-05h": "1db3cbfd21c09a8ab15e2c9c64d2abf9c18b019e",
    "2026-12-05i": "1db3cbfd21c09a8ab15e2c9c64d2abf9c18b019e",
    "2026-12-05j": "000c230799245790701f461479cb970eaa5e2fda",
    "2026-12-05k": "000c230799245790701f461479cb970eaa5e2fda",
    "2026-12-05l": "000c230799245790701f461479cb970eaa5e2fda",
    "2026-12-05m": "000c230799245790701f461479cb970eaa5e2fda",
    "2026-12-05n": "ac133d8878bff28c4e36e1dc839444557a401991",
    "2026-12-05p": "9040d873e574d8c4f150ec63472a46bf00ca6e2e",
    "2026-12-05q": "9040d873e574d8c4f150ec63472a46bf00ca6e2e",
    "2026-12-05o": "9040d873e574d8c4f150ec63472a46bf00ca6e2e",
    "2026-12-05r": "9040d873e574d8c4f150ec63472a46bf00ca6e2e",
    "2026-12-05s": "79e5495263e030351066d6202c214e676605ed35",
    "2026-12-05t": "79e5495263e030351066d6202c214e676605ed35",
    "2026-12-05u": "6d749d2dda4415d9d329d6bf47bf82bb3100c1d1",
    "2026-12-05v": "6d749d2dda4415d9d329d6bf47bf82bb3100c1d1",
    "2026-12-05w": "6d749d2dda4415d9d329d6bf47bf82bb3100c1d1",
    "2026-12-05x": "b35269f29c6951138fd0f5c944e47078b5e1f305",
    "2026-12-05y": "b35269f29c6951138fd0f5c944e47078b5e1f305",
    "2026-12-05z": "b35269f29c6951138fd0f5c944e47078b5e1f305",
    "2026-12-05za": "b35269f29c6951138fd0f5c944e47078b5e1f305",
    "2026-12-05zb": "1a6fa8abca0ff5e7e7c244af64467d7f711ebfa9",
    "2026-12-05zc": "1a6fa8abca0ff5e7e7c244af64467d7f711ebfa9",
    "2026-12-05zd": "4fde31f88ffed57527bc87ea5a8248b8a870df40",
    "2026-12-05ze": "4fde31f88ffed57527bc87ea5a8248b8a870df40",
    "2026-12-05zf": "25442f52c93363eaee744f5f3eb35f64d8990c11",
    "2026-12-05zg": "5cbfdd99f5d0cdb62143a655142c893dcf71a20f",
    "2026-12-05zh": "5cbfdd99f5d0cdb62143a655142c893dcf71a20f",
    "2026-12-05zi": "5cbfdd99f5d0cdb62143a655142c893dcf71a20f",
    "2026-12-05zj": "5cbfdd99f5d0cdb62143a655142c893dcf71a20f",
    "2026-12-05zk": "4719a813a028281d992e9ae8cec6c8f7edcfada5",
    "2026-12-05zl": "4719a813a028281d992e9ae8cec6c8f7edcfada5",
    "2026-12-05zm": "67a516f1e0696b59efc8d0fb2a94771802de1f9a",
    "2026-12-05zn": "67a516f1e0696b59efc8d0fb2a94771802de1f9a",
    "2026-12-05zo": "67a516f1e0696b59efc8d0fb2a94771802de1f9a",
    "2026-12-05zp": "bb1d60439e22e6517ca7992cc726dbb0944bd131",
    "2026-12-05zq": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zr": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zs": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zt": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zu": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zv": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zy": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zz": "af4200272b3a5cb5fbd264f8559a0430ff4bd797",
    "2026-12-05zw": "153319ac42fee41d96fc96c49ed5bc1c5c42e5d2",
    "2026-12-05zx": "153319ac42fee41d96fc96c49ed5bc1c5c42e5d2",
    "2026-12-05zza": "153319ac42fee41d96fc96c49ed5bc1c5c42e5d2",
    "2026-12-05zzb": "c1e0a59320622bf7cdf44379d9318909d77f94c8",
    "2026-12-05zzc": "c1e0a59320622bf7cdf44379d9318909d77f94c8",
    "2026-12-05zzd": "c1e0a59320622bf7cdf44379d9318909d77f94c8",
    "2026-12-05zze": "9ae329805f6b199bdc8ac38d8c11a2ed3c44486a",
    "2026-12-05zzf": "9ae329805f6b199bdc8ac38d8c11a2ed3c44486a",
    "2026-12-05zzh": "9ae329805f6b199bdc8ac38d8c11a2ed3c44486a",
    "2026-12-05zzg": "8f8ab695c01437a877e028c1a3832952ab8b495c",
    "2026-12-05zzi": "9e4878f2d14ce1c6c86fb1b2cd6fd90ce7561c0f",
    "2026-12-05zzj": "697d6e2a0be0500f5d578ea1d2751d81adb2a319",
    "2026-12-05zzk": "697d6e2a0be0500f5d578ea1d2751d81adb2a319",
    "2026-12-05zzl": "54e29b431f640ac25bbd713791f44111b7bfda29",
    "2026-12-05zzm": "5833dc051ee80e773907a34dd9ba3342533c3be5",
    "2026-12-05zzn": "567acc6afc64ede40a632bca6c8be8f46e5650bc",
    "2026-12-05zzo": "567acc6afc64ede40a632bca6c8be8f46e5650bc",
    "2026-12-05zzp": "567acc6afc64ede40a632bca6c8be8f46e5650bc",
    "2026-12-05zzq": "567acc6afc64ede40a632bca6c8be8f46e5650bc",
    "2026-12-05zzr": "567acc6afc64ede40a632bca6c8be8f46e5650bc",
    "2026-12-05zzs": "0be509cfd2585dbe7b4e971e919dd1533eedaf1c",
    "2026-12-05zzt": "0be509cfd2585dbe7b4e971e919dd1533eedaf1c",
    "2026-12-05zzu": "0be509cfd2585dbe7b4e971e919dd1533eedaf1c",
    "2026-12-05zzv": "0be509cfd2585dbe7b4e971e919dd1533eedaf1c",
    "2026-12-05zzw": "dc2cd80af77838a596a7d87f9d407c3025b8f7a7",
    "2026-12-05zzx": "dc2cd80af77838a596a7d87f9d407c3025b8f7a7",
    "2026-12-05zzy": "dc2cd80af77838a596a7d87f9d407c3025b8f7a7",
    "2026-12-05zzz": "2ed30b6aaf7b5addb525e2c3da666f00d5c2115f",
    "2026-12-05zzza": "2ed30b6aaf7b5addb525e2c3da666f00d5c2115f",
    "2026-12-05zzzb": "b953f1beec5b7f7a76b9278fe0f72fe1c29682d5",
    "2026-12-05zzzc": "b953f1beec5b7f7a76b9278fe0f72fe1c29682d5",
    "2026-12-05zzzd": "b953f1beec5b7f7a76b9278fe0f72fe1c29682d5",
    "2026-12-05zzze": "b953f1beec5b7f7a76b9278fe0f72fe1c29682d5",
    "2026-12-05zzzf": "b953f1beec5b7f7a76b9278fe0f72fe1c29682d5",
    "2026-12-05zzzg": "8e3108aea03a2c4d4b6f39e5b1967152d9bb8bf2",
    "2026-12-05zzzh": "8e3108aea03a2c4d4b6f39e5b1967152d9bb8bf2",
    "2026-12-05zzzi": "8e3108aea03a2c4d4b6f39e5b1967152d9bb8bf2",
    "2026-12-05zzzj": "8e3108aea03a2c4d4b6f39e5b1967152d9bb8bf2",
    "2026-12-05zzzk": "a59a2a2461495a33c9e6139245ef996e1a2a99fe",
    "2026-12-05zzzl": "a59a2a2461495a33c9e6139245ef996e1a2a99fe",
    "2026-12-05zzzm": "7dd79776209e54c5cefe2ef6f20ad9f45d0960b5",
    "2026-12-05zzzo": "3d3cc4da69adef61768d53024929900867f93815",
    "2026-12-05zzzt": "3d3cc4da69adef61768d53024929900867f93815",
    "2026-12-05zzzq": "3d3cc4da69adef61768d53024929900867f93815",
    "2026-12-05zzzp": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzr": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzn": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzs": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzv": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzu": "3cffefcf39b2560687e4d66ff95db66829c4215a",
    "2026-12-05zzzw": "1899308eba827f05fb061354ab7db6134fdd8282",
    "2026-12-05zzzx": "1899308eba827f05fb061354ab7db6134fdd8282",
    "2026-12-05zzzy": "b3dcfbedeab7c9acafb6ee17782ce03824f3179e",
    "2026-12-06a": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06c": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06d": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06e": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06f": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06h": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06g": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06i": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06j": "0841d6511c932e8361177ba28887fc2fc74fb092",
    "2026-12-06k": "d6c56e242b1f400052fc209d31377e808d0b05dd",
    "2026-12-06l": "d6c56e242b1f400052fc209d31377e808d0b05dd",
    "2026-12-06m": "d6c56e242b1f400052fc209d31377e808d0b05dd",
    "2026-12-06n": "d6c56e242b1f400052fc209d31377e808d0b05dd",
    "2026-12-06o": "75838ad84d3a50ffebae490f935c110b68fba2e0",
    "2026-12-06p": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06q": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06r": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06s": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06t": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06u": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06v": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06w": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06x": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06y": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06z": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06za": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06zb": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06zc": "dea26316a245d90b71d476795e0e2028d2383c5a",
    "2026-12-06zf": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zg": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zh": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zi": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zj": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zn": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zd": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06ze": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zk": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zl": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zm": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zo": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zp": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zq": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zr": "d4d9a340205dc7f51c71134d3d4415367ac441f2",
    "2026-12-06zs": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zt": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zu": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zv": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zw": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zx": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zy": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zz": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zza": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zzb": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zzc": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zzd": "6e111899015e127d193152c06f2bfe30baeea43f",
    "2026-12-06zze": "0d008ab561e1f39051704cf413bf7bfdb358e74d",
    "2026-12-06zzf": "0d008ab561e1f39051704cf413bf7bfdb358e74d",
    "2026-12-06zzg": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzh": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzi": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzj": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzk": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzl": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzm": "a39ef32cd0aaeb49dd24de75edf28cb297dec411",
    "2026-12-06zzn": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzo": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzp": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzq": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzr": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzs": "ce2802d6ed20c3f94c270d5286e3cf2a6b22e524",
    "2026-12-06zzt": "11a83bb6340f122a7ab6b1b87705342751b4d4bd",
    "2026-12-06zzu": "11a83bb6340f122a7ab6b1b87705342751b4d4bd",
    "2026-12-06zzv": "11a83bb6340f122a7ab6b1b87705342751b4d4bd",
    "2026-12-06zzw": "11a83bb6340f122a7ab6b1b87705342751b4d4bd",
    "2026-12-07a": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07b": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07c": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07d": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07e": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07f": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07g": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07h": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07i": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07j": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07k": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07l": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07m": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07n": "b354177bc92c76077e86df8a64b2db05c282e3b6",
    "2026-12-07o": "7890e52659b938a3d9fa64ce9337fed8c15459fb",
    "2026-12-07p": "7890e52659b938a3d9fa64ce9337fed8c15459fb",
    "2026-12-07q": "7890e52659b938a3d9fa64ce9337fed8c15459fb",
    "2026-12-07r": "7890e52659b938a3d9fa64ce9337fed8c15459fb",
    "2026-12-07t": "831cfee5467ac956d6dca2bbc4b54e1bfbc49cc7",
    "2026-12-07u": "831cfee5467ac956d6dca2bbc4b54e1bfbc49cc7",
    "2026-12-07s": "831cfee5467ac956d6dca2bbc4b54e1bfbc49cc7",
    "2026-12-07v": "5dd0c9045f31edf9632f80378954129b5a20428c",
    "2026-12-07w": "5dd0c9045f31edf9632f80378954129b5a20428c",
    "2026-12-07x": "5dd0c9045f31edf9632f80378954129b5a20428c",
    "2026-12-07y": "5dd0c9045f31edf9632f80378954129b5a20428c",
    "2026-12-07z": "5dd0c9045f31edf9632f80378954129b5a20428c",
    "2026-12-07za": "e6bb3ef5e1c7b38b739a2209fa242d1d0bd926f2",
    "2026-12-07zb": "e6bb3ef5e1c7b38b739a2209fa242d1d0bd926f2",
    "2026-12-07zc": "e6bb3ef5e1c7b38b739a2209fa242d1d0bd926f2",
    "2026-12-07zd": "e6bb3ef5e1c7b38b739a2209fa242d1d0bd926f2",
    "2026-12-07ze": "e6bb3ef5e1c7b38b739a2209fa242d1d0bd926f2",
    "2026-12-07zf": "4991d7fd467b060bf6df4be047a543bb50cde608",
    "2026-12-07zg": "4991d7fd467b060bf6df4be047a543bb50cde608",
    "2026-12-07zh": "4991d7fd467b060bf6df4be047a543bb50cde608",
    "2026-12-07zi": "4991d7fd467b060bf6df4be047a543bb50cde608",
    "2026-12-07zj": "4991d7fd467b060bf6df4be047a543bb50cde608",
    "2026-12-07zk": "131b644f08813b1d964cb1c56463b6b4c5b92c64",
    "2026-12-07zl": "131b644f08813b1d964cb1c56463b6b4c5b92c64",
    "2026-12-07zm": "131b644f08813b1d964cb1c56463b6b4c5b92c64",
    "2026-12-07zn": "131b644f08813b1d964cb1c56463b6b4c5b92c64",
    "2026-12-07zo": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zp": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zq": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zr": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zs": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zt": "67e646f944cbeb5bf5d8b60321a397849c8145f1",
    "2026-12-07zu": "b35f3f0ad56f94880adbed286e22e5b7b0153ab0",
    "2026-12-07zv": "b35f3f0ad56f94880adbed286e22e5b7b0153ab0",
    "2026-12-07zw": "b35f3f0ad56f94880adbed286e22e5b7b0153ab0",
    "2026-12-07zx": "b35f3f0ad56f94880adbed286e22e5b7b0153ab0",
    "2026-12-07zy": "b35f3f0ad56f94880adbed286e22e5b7b0153ab0",
    "2026-12-07zz": "6e4e782d3a10e6d40aa65d49059f9cabc67e519d",
    "2026-12-07zza": "6e4e782d3a10e6d40aa65d49059f9cabc67e519d",
    "2026-12-07zzb": "6e4e782d3a10e6d40aa65d49059f9cabc67e519d",
    "2026-12-07zzc": "6e4e782d3a10e6d40aa65d49059f9cabc67e519d",
    "2026-12-07zzd": "6e4e782d3a10e6d40aa65d49059f9cabc67e519d",
    "2026-12-07zze": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzf": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzg": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzh": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzi": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzj": "ec5af7136cbcd2fb40df6bdc6888f5be8b27c284",
    "2026-12-07zzk": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzm": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzn": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzo": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzp": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzq": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzr": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzs": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzt": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzu": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzv": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzw": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzx": "378d0a49e78fdb13eb6b3b61d29097ea84fd7d86",
    "2026-12-07zzy": "a6c11ac102a14ac963caae71fb06417d6de1b176",
    "2026-12-07zzz": "a6c11ac102a14ac963caae71fb06417d6de1b176",
    "2026-12-07zzza": "a6c11ac102a14ac963caae71fb06417d6de1b176",
    "2026-12-07zzzb": "a6c11ac102a14ac963caae71fb06417d6de1b176",
    "2026-12-07zzzc": "a6c11ac102a14ac963caae71fb06417d6de1b176",
    "2026-12-07zzzd": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzze": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzi": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzj": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzk": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzl": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzm": "74a7d4a83bbd1e7b1d0ed84e2bc4d1f3965873c1",
    "2026-12-07zzzn": "0dd574e2acd479a71840de692cb8a2bca8fbeaa6",
    "2026-12-07zzzo": "0dd574e2acd479a71840de692cb8a2bca8fbeaa6",
    "2026-12-07zzzp": "0f81454d58b2dd307d6fb243a26f2914bc6d020a",
    "2026-12-07zzzq": "0f81454d58b2dd307d6fb243a26f2914bc6d020a",
    "2026-12-07zzzs": "0f81454d58b2dd307d6fb243a26f2914bc6d020a",
    "2026-12-07zzzt": "0d1b5c5afb112907432da5198b352a3e3df6c8ff",
    "2026-12-07zzzu": "1279aa52acba791163d2dd314544e2181251eef7",
    "2026-12-07zzzv": "1279aa52acba791163d2dd314544e2181251eef7",
    "2026-12-08a": "047c7580d9479a933272763b759551a37ef2c493",
}
"""The commit whose extractor scored each batch once, unseen (the commit before the one that
recorded the scoring and marked the batch tuned on)."""


def _passages(batch: str) -> list[dict[str, Any]]:
    """The batch's passages, from the set's two parts and the older reports."""
    parts = (*ev.PARTS, *((ev.OLDER,) if (ev.EVAL_DIR / f"{ev.OLDER}.jsonl").exists() else ()))
    return [p for part in parts for p in ev.load_part(part) if p.get("added") == batch]


def _extractor_kwargs(data: Path) -> dict[str, Any]:
    """The registry, catalog and wording an extractor of its time takes (older ones took fewer)."""
    import kpitools.extract as kx
    from kpitools.registry import read_registry

    params = inspect.signature(kx.extract_statements).parameters
    kw: dict[str, Any] = {"registry": read_registry(data / "units.csv")}
    if "catalog" in params:
        from kpitools.catalog import read_catalog

        kw["catalog"] = read_catalog(data / "metrics.csv")
    if "phrases" in params:
        extra = {"catalog": kw["catalog"]} if "catalog" in kw else {}
        kw["phrases"] = kx.read_phrases(data / "metric_phrases.csv", **extra)
    if "money" in params:
        kw["money"] = True
    return kw


def score_here(tree: Path, batch: str) -> dict[str, Any]:
    """Score a batch with the extractor importable here (``PYTHONPATH=<tree>/src``)."""
    passages = _passages(batch)
    results = ev.run_extractor(passages, reference=_extractor_kwargs(tree / "data"))
    st, au = ev.score_part(passages, results)
    return {
        "batch": batch,
        "gold": st.gold,
        "found": st.found,
        "matched": st.matched,
        "unlinked": st.unlinked,
        "by_class": st.by_class,
        "audit": [au.gold, au.matched, len(au.false_alarms)],
        "wrong": [[pid, f["actual"], f["target"], f["stated"], f["text"]] for pid, f in st.wrong],
        "false_alarms": [
            [pid, f.get("check"), f.get("verdict"), f.get("note")] for pid, f in au.false_alarms
        ],
    }


def score_with(tree: Path, batch: str) -> dict[str, Any]:
    """Score a batch in a fresh interpreter running the extractor of ``tree`` (a checkout)."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    cmd = [sys.executable, __file__, "--child", str(tree), batch]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _add_worktree(add: list[str]) -> None:
    """Run ``git worktree add``, letting it finish even when a signal interrupts the wait.

    Killing it half-way (as ``subprocess.run`` does on an exception) leaves its checkout
    child writing files into a directory that is being removed, and the worktree locked.
    """
    proc = subprocess.Popen(add)
    try:
        code = proc.wait()
    except BaseException:
        proc.wait()
        raise
    if code:
        raise subprocess.CalledProcessError(code, add)


def score_at(commit: str, batch: str) -> dict[str, Any]:
    """Score a batch with the extractor of ``commit``, checked out in a temporary worktree.

    The worktree is removed however the scoring ends (an error, Ctrl-C, or SIGTERM once
    :func:`stop_cleanly_on_sigterm` is set); one whose adding was cut short (git keeps it
    locked while it is made, and neither ``remove --force`` nor ``prune`` touches a locked
    one) is unlocked and pruned.
    """
    git = ["git", "-C", str(ROOT)]
    tree: Path | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="kpi-history-") as tmp:
            tree = Path(tmp) / "tree"
            try:
                _add_worktree([*git, "worktree", "add", "-q", "--detach", str(tree), commit])
                return score_with(tree, batch)
            finally:
                remove = [*git, "worktree", "remove", "--force", "--force", str(tree)]
                subprocess.run(remove, check=False, capture_output=True)
    finally:
        if tree is not None:
            unlock = [*git, "worktree", "unlock", str(tree)]
            subprocess.run(unlock, check=False, capture_output=True)
        subprocess.run([*git, "worktree", "prune"], check=False, capture_output=True)


def summary(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The batches' figures, their sum, and precision by kind of claim over all of them."""
    total = ev.StatementScore()
    lines = []
    for r in rows:
        lines.append(
            f"{r['batch']} ({SCORED_AT.get(r['batch'], 'here')[:7]}): annotated {r['gold']}, "
            f"found {r['found']}, matched {r['matched']}; audit {r['audit'][1]} of "
            f"{r['audit'][0]} ({r['audit'][2]} false alarms)"
        )
        total.gold += r["gold"]
        total.found += r["found"]
        total.matched += r["matched"]
        total.unlinked += r.get("unlinked", 0)
        for name, (n, right) in r["by_class"].items():
            tally = total.by_class.setdefault(name, [0, 0])
            tally[0] += n
            tally[1] += right
    lines.append(
        f"all {len(rows)}: annotated {total.gold}, found {total.found}, matched "
        f"{total.matched}: recall {ev._pct(total.recall)}  precision {ev._pct(total.precision)}"
    )
    return [*lines, total.unlinked_line(), *ev.class_lines(total)]


def stop_cleanly_on_sigterm() -> None:
    """Make SIGTERM end the script as Ctrl-C does, through its ``finally`` blocks, so that the
    temporary worktree of :func:`score_at` is removed (Python's default ends at once)."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("batches", nargs="*", help="batches to score (default: every one of SCORED_AT)")
    ap.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="list each batch's wrong claims and false alarms",
    )
    ap.add_argument("--child", metavar="TREE", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(score_here(args.child, args.batches[0]), default=str))
        return 0
    stop_cleanly_on_sigterm()
    unknown = [b for b in args.batches if b not in SCORED_AT]
    if unknown:
        ap.error(f"no once-only scoring recorded for {', '.join(unknown)}")
    rows = [score_at(SCORED_AT[b], b) for b in args.batches or SCORED_AT]
    print("\n".join(summary(rows)))
    if args.verbose:
        for r in rows:
            for pid, actual, target, stated, text in r["wrong"]:
                print(f"  wrong  {pid}: actual {actual} target {target} {stated or ''} — {text!r}")
        for r in rows:
            for pid, check, verdict, note in r.get("false_alarms", []):
                print(f"  false alarm  {pid}: {check} {verdict} — {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
