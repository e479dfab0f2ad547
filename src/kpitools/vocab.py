"""Every word kpitools shows, in Vietnamese and English, and the one check of a language.

Words are keyed by a namespaced key (``"chart.actual"``, ``"table.metric"``,
``"explore.title"``, ``"extract.verdict.consistent"``...) and read with :func:`word`.
This module imports nothing heavy: ``import kpitools`` stays fast.

Examples
--------
>>> word("table.attainment", "en")
'Attainment'
>>> word("explore.loaded", "vi", n=3, file="a.csv")
'Đã nạp 3 dòng từ a.csv.'
"""

from __future__ import annotations

from kpitools.errors import ParameterError

#: The display languages.
LANGS = ("vi", "en")


def check_lang(lang: object) -> str:
    """Return ``lang`` if it is ``"vi"`` or ``"en"``, else raise ``ParameterError``.

    ``ParameterError`` is a ``ValueError``.

    Examples
    --------
    >>> check_lang("vi")
    'vi'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    kpitools.errors.ParameterError: lang must be one of vi, en, not 'fr'
    """
    if not isinstance(lang, str) or lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def _pair(vi: str, en: str) -> dict[str, str]:
    return dict(zip(LANGS, (vi, en), strict=True))


_BAND = {
    "band.behind": _pair("chậm", "behind"),
    "band.near": _pair("gần đạt", "near"),
    "band.met": _pair("đạt", "met"),
    "band.exceeded": _pair("vượt", "exceeded"),
    "band.no target": _pair("không có chỉ tiêu", "no target"),
}

_CHART = {
    "chart.synthetic": _pair(
        "Có dữ liệu tổng hợp (synthetic), không phải số liệu thật",
        "Includes synthetic (invented) data, not real figures",
    ),
    "chart.actual": _pair("Thực hiện", "Actual"),
    "chart.target": _pair("Chỉ tiêu", "Target"),
    "chart.attainment": _pair("Tỷ lệ đạt", "Attainment"),
    "chart.status": _pair("Trạng thái", "Status"),
    "chart.metric": _pair("Chỉ số", "Metric"),
    "chart.band": _pair("Ngưỡng", "Band"),
    "chart.no_data": _pair("Không có dữ liệu", "No data"),
    "chart.no_targets": _pair("Không có chỉ tiêu để so sánh", "No targets to compare with"),
    "chart.unit": _pair("Đơn vị", "Unit"),
    "chart.share": _pair("Tỷ trọng", "Share"),
    "chart.year": _pair("Năm", "Year"),
    "chart.rank": _pair("Hạng", "Rank"),
    "chart.prior": _pair("Năm trước", "Prior year"),
    "chart.reference": _pair("Tham chiếu", "Reference"),
    "chart.at_rate": _pair("Theo tỷ lệ đạt của {reference}", "At the rate of {reference}"),
    "chart.ref_attainment": _pair("Tỷ lệ đạt của {reference}", "Attainment of {reference}"),
    "chart.change": _pair("Thay đổi", "Change"),
    "chart.reorganized": _pair("sắp xếp {day}", "reorganized {day}"),
    "chart.up": _pair("tăng", "up"),
    "chart.down": _pair("giảm", "down"),
    "chart.same": _pair("không đổi", "unchanged"),
    "chart.incomparable": _pair("không so được", "not comparable"),
    "chart.parent": _pair("Số của đơn vị cấp trên", "Parent's own figure"),
    "chart.children": _pair("Tổng các đơn vị trực thuộc", "Sum of units"),
    "chart.difference": _pair("Chênh lệch (tổng − cấp trên)", "Difference (sum − parent)"),
    "chart.units_reported": _pair("Số đơn vị có số liệu", "Units reporting"),
    "chart.match": _pair("= khớp", "= matches"),
    "chart.no_parent": _pair("cấp trên không có số", "no figure of the parent"),
    "chart.no_children": _pair("các đơn vị không có số", "no figures of the units"),
    "chart.heat_title": _pair(
        "Tỷ lệ đạt chỉ tiêu theo đơn vị và năm", "Attainment by unit and year"
    ),
    "chart.recon_title": _pair(
        "Đối chiếu số của thành phố với tổng các đơn vị",
        "Parent's figures against the sum of their units",
    ),
}

_TABLE = {
    "table.metric": _pair("Chỉ số", "Metric"),
    "table.structure.province": _pair("tỉnh, thành phố", "provinces and cities"),
    "table.structure.city": _pair("thành phố trực thuộc trung ương", "centrally-run cities"),
    "table.structure.district": _pair("đơn vị cấp huyện", "district-level units"),
    "table.structure.commune": _pair("đơn vị cấp xã", "commune-level units"),
    "table.structure.affiliated": _pair("đảng bộ trực thuộc khác", "other affiliated committees"),
    "table.structure.basic": _pair("tổ chức cơ sở", "basic organizations"),
    "table.structure.units": _pair("đơn vị", "units"),
    "table.period": _pair("Kỳ", "Period"),
    "table.unit": _pair("Đơn vị", "Unit"),
    "table.actual": _pair("Thực hiện", "Actual"),
    "table.target": _pair("Chỉ tiêu", "Target"),
    "table.attainment": _pair("Tỷ lệ đạt", "Attainment"),
    "table.variance": _pair("Chênh lệch", "Variance"),
    "table.status": _pair("Trạng thái", "Status"),
    "table.stated": _pair("Báo cáo ghi", "Report says"),
    "table.check": _pair("Khớp", "Consistent"),
    "table.as_of": _pair("Tính đến", "As of"),
    "table.source": _pair("Nguồn", "Source"),
    "table.elapsed": _pair("Thời gian đã qua", "Year elapsed"),
    "table.expected": _pair("Cần đạt đến nay", "Expected to date"),
    "table.pace": _pair("Tiến độ", "Pace"),
    "table.projected": _pair("Dự kiến cả năm", "Projected year end"),
    "table.rank": _pair("Hạng", "Rank"),
    "table.change": _pair("Thay đổi (điểm %)", "Change (pp)"),
    "table.prev": _pair("Năm trước", "Year before"),
    "table.synthetic": _pair("tổng hợp (synthetic)", "synthetic"),
    "table.empty": _pair("Không có số liệu", "No data"),
    "table.no_pace": _pair(
        "Không có số liệu nào lấy trước cuối năm", "No figures taken before the end of the year"
    ),
    # why a stated percentage does not follow from the numbers (measures.consistency)
    "table.consistency.consistent": _pair("khớp", "consistent"),
    "table.consistency.inconsistent": _pair("không khớp", "inconsistent"),
    "table.consistency.truncated": _pair("cắt bớt, không làm tròn", "truncated, not rounded"),
    "table.consistency.no target": _pair(
        "không có chỉ tiêu để kiểm tra", "no target to check against"
    ),
    "table.consistency.unreadable": _pair("không đọc được", "unreadable"),
    # why attainment is missing (measures.attainment_note)
    "table.note.no target": _pair("không có chỉ tiêu", "no target"),
    "table.note.target is 0": _pair("chỉ tiêu bằng 0", "target is 0"),
    "table.note.no actual": _pair("chưa có số", "no actual"),
    "table.note.out of range": _pair("ngoài phạm vi tính", "out of range"),
    "table.finding": _pair(
        "{metric}: chậm nhất là {worst} ({worst_att}, thực hiện {worst_actual}/{worst_target}); "
        "vượt xa nhất là {best} ({best_att}).",
        "{metric}: furthest behind is {worst} ({worst_att}, {worst_actual} of "
        "{worst_target}); furthest ahead is {best} ({best_att}).",
    ),
    "table.synthetic_basis": _pair(
        "Các nhận định trên dựa trên dữ liệu tổng hợp (synthetic), không phải số liệu thật.",
        "These findings are based on synthetic data, not real figures.",
    ),
}

_DISPLAY = {
    "display.synthetic_notice": _pair(
        "Lưu ý: báo cáo này có {n} dòng dữ liệu tổng hợp (synthetic) — số liệu giả lập để "
        "minh họa, không phải số liệu thật. Các dòng đó được đánh dấu “tổng hợp (synthetic)”.",
        "Note: this report shows {n} rows of synthetic data — invented figures for "
        "demonstration, not real data. Those rows are marked “synthetic”.",
    ),
    "display.params": _pair("Tham số", "Parameters"),
    "display.data": _pair("Dữ liệu", "Data"),
    "display.made": _pair("Tạo lúc", "Made"),
    "display.by": _pair("bởi kpitools", "by kpitools"),
    "display.notes": _pair("Cách đọc dữ liệu", "How the data was read"),
    "display.row": _pair("dòng {n}", "row {n}"),
    "display.column": _pair("cột", "column"),
    "display.more_notes": _pair("… và {n} ghi chú khác", "… and {n} more notes"),
    # how the data was read (kpitools.io's notes), as a report shows them (display._note_text)
    "display.read.year_title": _pair(
        "năm {year} lấy từ tiêu đề", "year {year} taken from the title"
    ),
    "display.read.as_of_date": _pair(
        "ngày số liệu (as_of) {date} lấy từ ngày ghi trên biểu mẫu",
        "as_of {date} taken from the form's stated date",
    ),
    "display.read.as_of_period": _pair(
        "ngày số liệu (as_of) {date} lấy từ kỳ báo cáo của biểu mẫu",
        "as_of {date} taken from the form's period",
    ),
    "display.read.period_start": _pair(
        "ngày đầu kỳ (period_start) {date} lấy từ biểu mẫu",
        "period_start {date} taken from the form",
    ),
    "display.read.loose_unit": _pair(
        "{value} được đọc là {code} {name} (khác dấu)",
        "{value} read as {code} {name} (diacritics differ)",
    ),
    "display.read.legacy_encoding": _pair(
        "văn bản được chuyển từ {encoding} sang Unicode "
        "(lưu tệp dạng 'CSV UTF-8' để tránh việc này)",
        "text converted from {encoding} to Unicode (save it as 'CSV UTF-8' to avoid this)",
    ),
    "display.read.nfc": _pair(
        "văn bản được chuẩn hoá về NFC (có chữ ghi dấu tách rời)",
        "text normalized to NFC (it had decomposed letters)",
    ),
    "display.read.separator_tab": _pair(
        "các cột phân cách bằng dấu tab", "fields separated by tab"
    ),
    "display.read.separator": _pair(
        "các cột phân cách bằng {separator}", "fields separated by {separator}"
    ),
    "display.read.legacy_font": _pair(
        "chữ gõ bằng phông {font} được chuyển sang Unicode",
        "text typed in a {font} font converted to Unicode",
    ),
    "display.read.column_numbers": _pair(
        "bỏ qua dòng đánh số cột dưới tiêu đề", "column-number line under the header skipped"
    ),
    "display.read.group_heading": _pair(
        "bỏ qua dòng không có số liệu (tiêu đề nhóm)",
        "line without figures skipped (a group heading)",
    ),
    "display.chart_lead": _pair("Biểu đồ", "Chart"),
    # what kind of unit a registry row is (its ``type``), said in the report's language
    "display.unit_type.thành phố": _pair("thành phố {name}", "{name} city"),
    "display.unit_type.quận": _pair("quận {name}", "{name} urban district"),
    "display.unit_type.huyện": _pair("huyện {name}", "{name} rural district"),
    "display.unit_type.thị xã": _pair("thị xã {name}", "{name} town"),
    "display.unit_type.phường": _pair("phường {name}", "{name} ward"),
    "display.unit_type.xã": _pair("xã {name}", "{name} commune"),
    "display.unit_type.khối": _pair("khối {name}", "{name} bloc"),
    # the reports: their names, what each is about, and each section's heading and lead
    "display.report.city": _pair("Tổng quan thành phố", "City overview"),
    "display.report.city.intro": _pair(
        "Kết quả so với chỉ tiêu của đơn vị được chọn (mặc định là Hà Nội) trong một năm kế "
        "hoạch: đạt được bao nhiêu, so với chỉ tiêu nào, tỷ lệ văn bản nguồn nêu có khớp với "
        "chính số liệu của nó không, năm đó so với các năm trước ra sao và gồm những đơn vị nào.",
        "Targets against results of the chosen unit (Hà Nội by default) for one plan year: "
        "what was achieved, against which target, whether the percentages the source report "
        "states follow from its own numbers, how the year compares with earlier ones and which "
        "units it is made of.",
    ),
    "display.report.comparison": _pair("So sánh các đơn vị", "Comparison of units"),
    "display.report.comparison.intro": _pair(
        "Mọi đơn vị trực thuộc trong một năm — 30 đơn vị cấp huyện đến tháng 6/2025, 126 xã, "
        "phường từ tháng 7/2025 (năm quyết định cơ cấu; hai nửa năm 2025 được tách riêng) — "
        "cùng các đảng bộ trực thuộc khác của thành phố: đơn vị nào vượt chỉ tiêu, đơn vị nào "
        "chậm, thay đổi ra sao so với năm trước, và tổng các đơn vị có khớp với số của thành "
        "phố không.",
        "Every unit under the parent in one year — the 30 district-level units up to June "
        "2025, the 126 communes and wards from July 2025 (the year picks the structure; the "
        "two halves of 2025 are kept apart) — with the other committees directly under the "
        "city: who is ahead of its target and who is behind, how that moved since the year "
        "before, and whether the units add up to the city's own figure.",
    ),
    "display.report.profile": _pair("Hồ sơ đơn vị", "Unit profile"),
    "display.report.profile.intro": _pair(
        "Một đơn vị qua các năm: kết quả so với chỉ tiêu trong năm gần nhất, diễn biến so với "
        "thành phố và thứ hạng trong các đơn vị cùng cấp.",
        "One unit over the years: its results against targets in the latest year, how it "
        "moved against the city, and its rank among the units of its level.",
    ),
    "display.report.audit": _pair("Kiểm tra số liệu trong văn bản", "Audit of a report's figures"),
    "display.report.audit.intro": _pair(
        "Các số liệu chỉ tiêu kpitools tìm thấy trong văn bản báo cáo — thực hiện, chỉ tiêu, "
        "tỷ lệ báo cáo nêu và loại tỷ lệ — và mỗi con số được nêu có khớp với chính số liệu "
        "của báo cáo không.",
        "The KPI statements kpitools finds in a report's text — actual, target, the "
        "percentage the report states and what kind of percentage it is — and whether each "
        "stated figure follows from the report's own numbers.",
    ),
    "display.section.results": _pair("Kết quả so với chỉ tiêu", "Results against targets"),
    "display.section.results.lead": _pair(
        "Tỷ lệ đạt = thực hiện / chỉ tiêu. Cột “Báo cáo ghi” là tỷ lệ văn bản nguồn nêu; ✓ "
        "nghĩa là tỷ lệ đó bằng tỷ lệ tính lại ở cùng độ chính xác (làm tròn nửa lên). Chỉ số "
        "nào đơn vị không có số riêng thì lấy tổng các đơn vị trực thuộc.",
        "Attainment = actual / target. “Report says” is the percentage the source document "
        "states; ✓ means it equals the computed one at the precision it was written with "
        "(rounded half-up). Metrics without a unit's own figure are the sum of its units.",
    ),
    "display.section.pace": _pair("Tiến độ", "Pace"),
    "display.section.pace.lead": _pair(
        "Số liệu lấy trước cuối năm, so với phần thời gian đã qua của năm (giả định tiến độ "
        "đều), và con số cả năm mà chúng cho thấy.",
        "Figures taken before the end of the year, against the share of the year elapsed "
        "(assuming even progress), and the year-end figure they point to.",
    ),
    "display.section.findings": _pair("Ai chậm, ai vượt", "Who is behind, who is ahead"),
    "display.section.findings.lead": _pair(
        "Với mỗi chỉ số, trong các đơn vị trực thuộc: đơn vị chậm nhất so với chỉ tiêu và "
        "đơn vị vượt xa nhất.",
        "For each metric, among the units: the one furthest behind its target and the one "
        "furthest ahead.",
    ),
    "display.section.years": _pair("Qua các năm", "Over the years"),
    "display.section.years.lead": _pair(
        "Tỷ lệ đạt của đơn vị với chỉ số chính theo năm — từ 2025 số của thành phố chia "
        "thành hai nửa năm, mỗi nửa so với chỉ tiêu riêng, nên biểu đồ thể hiện tỷ lệ đạt chứ "
        "không phải số tuyệt đối — rồi tỷ lệ đạt của từng đơn vị theo năm, các đơn vị cấp "
        "huyện và các đơn vị mới ở khối riêng: chọn chỉ số trong danh sách thả xuống.",
        "The unit's attainment of the focus metric by year — from 2025 the city's figures "
        "come in two halves, each against its own target, so the chart shows attainment, not "
        "the figures — then every unit's attainment by year, the districts and the new units "
        "in their own blocks: pick the metric in the dropdown.",
    ),
    "display.section.composition": _pair("Cơ cấu", "Composition"),
    "display.section.composition.lead": _pair(
        "Phần đóng góp của từng đơn vị vào chỉ số chính trong năm, kèm tỷ trọng trong tổng.",
        "What each unit contributed to the focus metric this year, with its share of the total.",
    ),
    "display.section.ranking": _pair("Xếp hạng", "Ranking"),
    "display.section.ranking.lead": _pair(
        "Các đơn vị xếp theo tỷ lệ đạt, đường nét đứt ở mức 100 %. Chọn năm trong danh sách "
        "thả xuống.",
        "Units ranked by attainment, the dashed line at 100 %. Change the year in the dropdown.",
    ),
    "display.section.heatmap": _pair("Qua các năm", "Over the years"),
    "display.section.heatmap.lead": _pair(
        "Tỷ lệ đạt theo đơn vị và năm (xanh: trên 100 %, đỏ: dưới 100 %); chọn chỉ số trong "
        "danh sách thả xuống.",
        "Attainment by unit and year (blue above 100 %, red below); choose the metric in the "
        "dropdown.",
    ),
    "display.section.movers": _pair("Tiến bộ và sụt giảm", "Most improved and most declined"),
    "display.section.movers.lead": _pair(
        "Tỷ lệ đạt năm nay so với năm trước, tính bằng điểm phần trăm.",
        "Attainment this year against the year before, in percentage points.",
    ),
    "display.section.reconciliation": _pair(
        "Đối chiếu với số của thành phố", "Reconciliation with the city's figures"
    ),
    "display.section.reconciliation.lead": _pair(
        "Tổng các đơn vị so với số của chính đơn vị cấp trên, theo chỉ số và năm.",
        "The sum of the units against the parent's own figure, per metric and year.",
    ),
    "display.section.latest": _pair("Năm gần nhất", "Latest year"),
    "display.section.latest.lead": _pair(
        "Kết quả so với chỉ tiêu trong năm gần nhất, kèm số của cùng kỳ năm trước (hình "
        "thoi; không có khi năm trước được chia kỳ khác: nửa đầu 2025 không có nửa đầu 2024 "
        "trong dữ liệu, năm 2026 của một đơn vị mới không có cả năm 2025).",
        "Results against targets in the latest year shown, with the figure of the same period "
        "a year earlier as a diamond (none when the year before was cut differently: a first "
        "half of 2025 has no first half of 2024 in the data, a new unit's 2026 no whole 2025).",
    ),
    "display.section.city": _pair("So với thành phố", "Against the city"),
    "display.section.city.lead": _pair(
        "Tỷ lệ đạt của đơn vị theo năm; đường chấm là tỷ lệ đạt của thành phố.",
        "Attainment of the unit by year; the dotted line is the city's attainment.",
    ),
    "display.section.rank": _pair("Thứ hạng", "Rank"),
    "display.section.rank.lead": _pair(
        "Thứ hạng của đơn vị trong các đơn vị cùng cấp, theo chỉ số và năm (1 = tỷ lệ đạt "
        "cao nhất).",
        "The unit's rank among the units of its level, by metric and year (1 = highest "
        "attainment).",
    ),
    "display.section.text": _pair("Văn bản", "The text"),
    "display.section.text.lead": _pair(
        "Mỗi số liệu được tô sáng; di chuột lên một số liệu để xem cách đọc. Viền đỏ: con số "
        "nêu ra không khớp với số liệu. Phần chữ mờ ở cuối (tin liên quan, bình luận) không "
        "được đọc.",
        "Every statement is highlighted; hover over one to see how it was read. Red outline: "
        "the stated figure does not follow from the numbers. Greyed text at the end (related "
        "news, comments) is not read.",
    ),
    "display.section.statements": _pair("Các số liệu", "The statements"),
    "display.section.statements.lead": _pair(
        "Mỗi dòng một số liệu, theo thứ tự trong văn bản. “Tính lại” là 100 × thực hiện / chỉ "
        "tiêu ở độ chính xác báo cáo dùng (làm tròn nửa lên).",
        "One row per statement, in text order. “Computed” is 100 × actual / target at the "
        "precision the report used (rounded half up).",
    ),
    "display.section.audit": _pair("Kiểm tra", "Audit"),
    "display.section.audit.lead": _pair(
        "Mọi phép kiểm tra, các chỗ không khớp xếp trước: tỷ lệ nêu ra so với số liệu (vượt "
        "X% so với 100 + X; con số bị cắt bớt thay vì làm tròn được ghi là cắt bớt), số vượt "
        "tính bằng người, các phần so với tổng đã nêu.",
        "Every check, inconsistencies first: stated percentages against their numbers "
        "(exceeded by X% against 100 + X; a figure cut instead of rounded is labelled "
        "truncated), excesses counted in people, parts against their stated total.",
    ),
    "display.section.rows": _pair("Dòng dữ liệu", "As rows of the long table"),
    "display.section.rows.lead": _pair(
        "Các số liệu nêu đủ chỉ số, đơn vị và năm, như khi đưa vào bảng dữ liệu; sau đó là "
        "những số liệu không xếp được, kèm lý do.",
        "The statements that name a metric, a unit and a year, as they would enter the KPI "
        "table; then those that cannot be placed, with the reason.",
    ),
    # what a chart shows, in words (charts.describe)
    "display.describe.kind.bar": _pair("Biểu đồ cột", "Bar chart"),
    "display.describe.kind.rect": _pair("Bản đồ nhiệt", "Heatmap"),
    "display.describe.kind.line": _pair("Biểu đồ đường", "Line chart"),
    "display.describe.kind.point": _pair("Biểu đồ điểm", "Dot chart"),
    "display.describe.kind.text": _pair("Bảng chữ", "Text chart"),
    "display.describe.kind.other": _pair("Biểu đồ", "Chart"),
    "display.describe.rows": _pair("{n} dòng số liệu", "{n} rows of figures"),
    "display.describe.years": _pair("năm {years}", "years {years}"),
    "display.describe.extremes": _pair(
        "năm {year}: cao nhất {best} {best_att}, thấp nhất {worst} {worst_att}",
        "{year}: highest {best} {best_att}, lowest {worst} {worst_att}",
    ),
    "display.describe.one": _pair("năm {year}: {best} {best_att}", "{year}: {best} {best_att}"),
    "display.describe.figures": _pair(
        "{label}: {actual} / {target}", "{label}: {actual} of {target}"
    ),
}

_EXPLORE = {
    "explore.title": _pair("Khám phá chỉ tiêu", "KPI explorer"),
    "explore.metric": _pair("Chỉ số", "Metric"),
    "explore.year": _pair("Năm", "Year"),
    "explore.units": _pair("Đơn vị", "Units"),
    "explore.lang": _pair("Ngôn ngữ", "Language"),
    "explore.clear": _pair("Bỏ chọn", "Clear"),
    "explore.bands": _pair("Ngưỡng trạng thái (% đạt)", "Status thresholds (% attained)"),
    "explore.hint": _pair(
        "Bấm vào một đơn vị trên biểu đồ xếp hạng hoặc bản đồ nhiệt để chọn, "
        "Shift + bấm để chọn thêm; Ctrl + bấm trong danh sách để bỏ một đơn vị.",
        "Click a unit in the ranking or the heatmap to select it, shift-click to add "
        "one; ctrl-click in the list to drop one.",
    ),
    "explore.file": _pair("Tệp dữ liệu", "Data file"),
    "explore.load": _pair("Nạp", "Load"),
    "explore.upload": _pair("Tải tệp lên", "Upload"),
    "explore.chart": _pair("Biểu đồ", "Chart"),
    "explore.folder": _pair("Thư mục", "Folder"),
    "explore.folder_hint": _pair("để trống: chỉ tải về", "empty: download only"),
    "explore.export": _pair("Xuất", "Export"),
    "explore.ranked": _pair("Xếp hạng", "Ranking"),
    "explore.heatmap": _pair("Bản đồ nhiệt", "Heatmap"),
    "explore.trend": _pair("Xu hướng", "Trend"),
    "explore.problems": _pair(
        "{n} lỗi trong {file}; dữ liệu đang xem vẫn được giữ nguyên:",
        "{n} problem(s) in {file}; the data shown before stays loaded:",
    ),
    "explore.more": _pair("… và {n} lỗi khác", "… and {n} more"),
    "explore.where_file": _pair("Tệp", "File"),
    "explore.where_row": _pair("Dòng", "Row"),
    "explore.where_column": _pair("Cột", "Column"),
    "explore.where_value": _pair("Giá trị", "Value"),
    "explore.where_message": _pair("Lỗi", "Problem"),
    "explore.loaded": _pair("Đã nạp {n} dòng từ {file}.", "Loaded {n} rows from {file}."),
    "explore.no_units": _pair(
        "không có dòng nào của các đơn vị thuộc {parent}", "no rows for the units of {parent}"
    ),
    "explore.bad_bands": _pair("Ngưỡng không hợp lệ: {e}", "Thresholds not valid: {e}"),
    "explore.failed": _pair(
        "Không cập nhật được ({e}); vẫn giữ lựa chọn trước.",
        "Could not update ({e}); the previous view stays.",
    ),
    "explore.saved": _pair("Đã lưu:", "Saved:"),
    "explore.download": _pair("Tải về:", "Download:"),
    "explore.nothing": _pair("Chưa chọn định dạng nào.", "No format chosen."),
}

_EXTRACT = {
    "extract.metric": _pair("Chỉ số", "Metric"),
    "extract.unit": _pair("Đơn vị", "Unit"),
    "extract.year": _pair("Năm", "Year"),
    "extract.as_of": _pair("Tính đến", "As of"),
    "extract.actual": _pair("Thực hiện", "Actual"),
    "extract.target": _pair("Chỉ tiêu", "Target"),
    "extract.stated": _pair("Báo cáo ghi", "Report says"),
    "extract.kind": _pair("Loại", "Kind"),
    "extract.computed": _pair("Tính lại", "Computed"),
    "extract.check": _pair("Khớp", "Consistent"),
    "extract.text": _pair("Câu trong văn bản", "Sentence in the text"),
    "extract.verdict": _pair("Kết quả", "Verdict"),
    "extract.expected": _pair("Theo số liệu", "By the numbers"),
    "extract.note": _pair("Ghi chú", "Note"),
    "extract.reason": _pair("Lý do", "Reason"),
    "extract.statements": _pair("{n} số liệu được đánh dấu", "{n} statements highlighted"),
    "extract.ignored": _pair(
        "Không đọc phần này (tin khác, bình luận).",
        "This part is not read (other news, comments).",
    ),
    # what a stated percentage is (extract.STATED_KINDS) and the checks of an audit
    "extract.kind.attainment": _pair("tỷ lệ đạt", "attainment"),
    "extract.kind.excess": _pair("vượt (%)", "excess (%)"),
    "extract.kind.excess_count": _pair("vượt (số)", "excess (count)"),
    "extract.kind.growth": _pair("tăng trưởng", "growth"),
    "extract.kind.share": _pair("tỷ trọng", "share"),
    "extract.kind.rate": _pair("tỷ lệ", "rate"),
    "extract.kind.coverage": _pair("độ bao phủ", "coverage"),
    "extract.kind.target": _pair("chỉ tiêu (%)", "target (%)"),
    "extract.kind.percent": _pair("tỷ lệ", "percentage"),
    "extract.kind.sum": _pair("tổng các phần", "sum of parts"),
    "extract.kind.part": _pair("một phần", "part of a total"),
    "extract.kind.qualifier": _pair("từ chỉ mức", "qualifier"),
    "extract.verdict.consistent": _pair("✓ khớp", "✓ consistent"),
    "extract.verdict.inconsistent": _pair("✗ không khớp", "✗ inconsistent"),
    "extract.verdict.truncated": _pair("✗ cắt bớt, không làm tròn", "✗ truncated, not rounded"),
    "extract.verdict.unchecked": _pair("– không kiểm tra được", "– cannot be checked"),
    # the audit's notes (kpitools.extract.notes): segments joined as they are, numbers filled
    # in the language's format; the English ones are the ``note`` column
    "extract.note.growth_base": _pair(
        "tỷ lệ tăng trưởng: không nêu số gốc", "a growth rate: the base is not stated"
    ),
    "extract.note.share_whole": _pair(
        "tỷ trọng trong một tổng số không được nêu", "a share of a total that is not stated"
    ),
    "extract.note.rate_whole": _pair(
        "tỷ lệ so với một tổng số không được nêu", "a rate against a whole that is not stated"
    ),
    "extract.note.target_percent": _pair(
        "chỉ tiêu ghi bằng tỷ lệ phần trăm", "a target written as a percentage"
    ),
    "extract.note.kind_unknown": _pair("không rõ loại tỷ lệ", "kind unknown"),
    "extract.note.plan_not_fraction": _pair(
        "tỷ lệ so với kế hoạch, không phải của phân số đứng trước",
        "a percentage of a plan, not of the fraction before it",
    ),
    "extract.note.plan_multiple": _pair(
        "gấp {n} kế hoạch: {percent}% kế hoạch; ",
        "{n} the plan: {percent}% of the plan; ",
    ),
    "extract.note.no_target": _pair("không có chỉ tiêu để đối chiếu", "no target to check against"),
    "extract.note.no_whole": _pair("không nêu tổng số", "the whole is not stated"),
    "extract.note.approximate": _pair("số liệu là số gần đúng", "the figures are approximate"),
    "extract.note.two_year_plans": _pair(
        "cùng số liệu được nêu là “{text}” ({stated}): không thể cùng đúng với một kế hoạch năm",
        "the same figure is stated as “{text}” ({stated}): both cannot hold of one year plan",
    ),
    "extract.note.floor_short": _pair(
        ": kể cả thêm một đơn vị ở chữ số cuối của số 'trên' thì cũng không đạt {stated}%",
        ": even one more of the floor's last written digit does not reach {stated}%",
    ),
    "extract.note.floor_over": _pair(
        ": số 'trên' đã cho tỷ lệ cao hơn {stated}%, mà số thực còn lớn hơn",
        ": the floor as written already gives more than {stated}%, and the true figure is larger",
    ),
    "extract.note.far_off": _pair(
        ": số liệu gần đúng nhưng lệch quá xa so với {stated}%",
        ": approximate figures, but too far from {stated}%",
    ),
    "extract.note.no_whole_target": _pair(
        "không có chỉ tiêu là số nguyên nào cho {stated}%: ",
        "no whole-number target gives {stated}%: ",
    ),
    "extract.note.floor_listed": _pair(
        "{n} đơn vị trong danh sách sau không trên {percent}%: {items}",
        "{n} of the units listed after it are not above {percent}%: {items}",
    ),
    "extract.note.nearest_first": _pair("{a}/{t} = {computed}%", "{a}/{t} = {computed}%"),
    "extract.note.nearest": _pair("; {a}/{t} = {computed}%", ", {a}/{t} = {computed}%"),
    "extract.note.approx_or_missing": _pair(
        "số liệu gần đúng hoặc thiếu", "approximate or missing figures"
    ),
    "extract.note.target_derived": _pair(
        "chỉ tiêu suy ra: {a} − {excess} = {t}", "target derived: {a} − {excess} = {t}"
    ),
    "extract.note.difference": _pair("{a} − {t} = {diff}", "{a} − {t} = {diff}"),
    "extract.note.percent": _pair("100 × {a} / {t} = {exact}", "100 × {a} / {t} = {exact}"),
    "extract.note.unit_slip": _pair(
        "chỉ tiêu viết “{text}”, đọc theo đơn vị của kết quả ({t}): ",
        "target written “{text}”, read in the result's unit ({t}): ",
    ),
    "extract.note.excess_means": _pair(
        "; vượt {percent}% nghĩa là {stated}%", "; vượt {percent}% means {stated}%"
    ),
    "extract.note.qualifier": _pair(" ({qual})", " ({qual})"),
    "extract.note.excess_or_attainment": _pair(
        "vượt {stated} trong khi cùng số liệu được nêu là “{text}” (tức là vượt {excess}%)",
        "vượt {stated} while the same figure is stated as “{text}” (an excess of {excess}%)",
    ),
    "extract.note.not_under": _pair(
        ": không thấp hơn {stated}% ({qual})", ": not under {stated}% ({qual})"
    ),
    "extract.note.qualifier_approximate": _pair(" ({qual}: gần đúng)", " ({qual}: approximate)"),
    "extract.note.not_about": _pair(
        ": cách {stated}% quá một phần mười ({qual})",
        ": more than a tenth away from {stated}% ({qual})",
    ),
    "extract.note.computed": _pair(" → {computed}", " → {computed}"),
    "extract.note.growth_of_base": _pair(
        "so với số cùng kỳ ghi trong ngoặc: 100 × ({a} / {base} − 1) = {exact}",
        "against the base in brackets: 100 × ({a} / {base} − 1) = {exact}",
    ),
    "extract.note.growth_of_year": _pair(
        "so với số duy nhất của năm so sánh (“{text}”): 100 × ({a} / {base} − 1) = {exact}",
        "against the one figure of the year compared with (“{text}”): "
        "100 × ({a} / {base} − 1) = {exact}",
    ),
    "extract.note.growth_of_month": _pair(
        "so với số tháng {month} ghi trước đó: 100 × ({a} / {base} − 1) = {exact}",
        "against month {month}'s figure written before: 100 × ({a} / {base} − 1) = {exact}",
    ),
    "extract.note.approximate_after": _pair(
        " (số liệu là số gần đúng)", " (the figures are approximate)"
    ),
    "extract.note.index_of_base": _pair(
        "so với số gốc ghi trong ngoặc: 100 × {a} / {base} = {exact}",
        "against the base in brackets: 100 × {a} / {base} = {exact}",
    ),
    "extract.note.fall_of_decrease": _pair(
        "mức giảm {by} trên số gốc {a} + {by}: 100 × {by} / ({a} + {by}) = {exact}",
        "a fall of {by} from a base of {a} + {by}: 100 × {by} / ({a} + {by}) = {exact}",
    ),
    "extract.note.change_from_to": _pair(
        "từ {base} đến {a}: 100 × ({a} / {base} − 1) = {exact}",
        "from {base} to {a}: 100 × ({a} / {base} − 1) = {exact}",
    ),
    "extract.note.growth_of_increase": _pair(
        "mức tăng {by} trên số gốc {a} − {by}: 100 × {by} / ({a} − {by}) = {exact}",
        "an increase of {by} on a base of {a} − {by}: 100 × {by} / ({a} − {by}) = {exact}",
    ),
    "extract.note.linked": _pair("chỉ tiêu {t} lấy từ “{text}”", "target {t} linked from “{text}”"),
    "extract.note.linked_lead": _pair(
        "chỉ tiêu {t} lấy từ “{text}”: ", "target {t} linked from “{text}”: "
    ),
    "extract.note.twin": _pair(
        "đạt {attained}% và vượt {excess}% của cùng số liệu: 100 + {excess} = {total}",
        "attained {attained}% and exceeded {excess}% of the same figures: 100 + {excess} = {total}",
    ),
    "extract.note.exceeded_under": _pair(
        "ghi “vượt” kế hoạch nhưng chỉ đạt {stated}% (dưới 100%)",
        "said to exceed the plan, yet at {stated}% (under 100%)",
    ),
    "extract.note.one_budget": _pair(
        "{stated} cho dự toán từ {low} đến {high}, trong khi “{text}” cho từ {low2} đến {high2}",
        "{stated} puts the budget at {low} to {high}, while “{text}” puts it at {low2} to {high2}",
    ),
    "extract.note.one_budget_written": _pair(
        "{stated} cho dự toán từ {low} đến {high}, trong khi “{text}” cho từ {low2} đến "
        "{high2}, đúng với kế hoạch ghi trong bài ({plan})",
        "{stated} puts the budget at {low} to {high}, while “{text}” puts it at {low2} to "
        "{high2}, as the plan written in the text ({plan}) does",
    ),
    "extract.note.plan_of_measure": _pair(
        "kết quả ({a}) so với kế hoạch duy nhất trong bài của cùng chỉ tiêu hoặc đơn vị "
        "({t}, “{text}”): 100 × {a} / {t} = {exact}",
        "the result ({a}) against the passage's one plan of its measure or unit "
        "({t}, “{text}”): 100 × {a} / {t} = {exact}",
    ),
    "extract.note.qualifier_contradicted": _pair(
        "“{qual} {n}” trái với số chính xác trong bài “{text}” ({a})",
        "“{qual} {n}” contradicted by the exact figure of the body “{text}” ({a})",
    ),
    "extract.note.share_of_classes": _pair(
        "tỷ trọng: 100 × {a} / {t} (tổng các loại được liệt kê)",
        "share: 100 × {a} / {t} (the sum of the classes listed)",
    ),
    "extract.note.share_of_measure": _pair(
        "tỷ trọng: 100 × {a} / {t} (tổng số “{text}”)",
        "share: 100 × {a} / {t} (the whole “{text}”)",
    ),
    "extract.note.rate_of_fraction": _pair(
        "tỷ lệ của phân số viết ngay trước: 100 × {a} / {t}",
        "the rate of the fraction written right before it: 100 × {a} / {t}",
    ),
    "extract.note.share_of_whole": _pair(
        "{stated} không thể là tỷ trọng của {a} trong “{text}” ({t}), "
        "nơi các phần khác khớp: {computed}%",
        "{stated} cannot be the share of {a} in “{text}” ({t}), "
        "which the other parts fit: {computed}%",
    ),
    "extract.note.share_of_own_whole": _pair(
        "{stated} không thể là tỷ trọng của {a} trong tổng số “{text}” ({t}) mà nó là một "
        "phần: {computed}%",
        "{stated} cannot be the share of {a} in the whole “{text}” ({t}) it is a part of: "
        "{computed}%",
    ),
    "extract.note.month_above_months": _pair(
        "số của một tháng lớn hơn số {months} tháng “{text}”: {a} > {t}",
        "a month's figure larger than the {months} months' “{text}”: {a} > {t}",
    ),
    "extract.note.part_plan_denies": _pair(
        "{stated} của kế hoạch năm cho {a}, trong khi kế hoạch của kỳ khác “{text}” cho kế "
        "hoạch năm khoảng {plan}: số thực hiện chỉ đạt khoảng {expected}%",
        "{stated} of the year's plan for {a}, while another period's plan “{text}” gives "
        "the year's plan as about {plan}: the result is only about {expected}% of it",
    ),
    "extract.note.month_percent_of_months": _pair(
        "{stated} của kế hoạch cho số của một tháng ({a}), trong khi {months} tháng “{text}” "
        "({t}) mới đạt {stated2}: số của tháng chỉ có thể đạt khoảng {expected}%",
        "{stated} of the plan for a month's figure ({a}), while the {months} months' “{text}” "
        "({t}) are at {stated2}: the month's can be only about {expected}%",
    ),
    "extract.note.nearly_but_over": _pair(
        "ghi “gần đạt” chỉ tiêu {t} nhưng số thực hiện {a} đã vượt",
        "said to nearly reach the target of {t}, yet the result {a} is above it",
    ),
    "extract.note.short_but_reached": _pair(
        "ghi “chưa đạt” chỉ tiêu {t}% nhưng đã đạt {a}%",
        "said short of the {t}% target, yet at {a}%",
    ),
    "extract.note.actual_linked": _pair(
        "số thực hiện {a} lấy từ “{text}”: ", "actual {a} linked from “{text}”: "
    ),
    "extract.note.table_row": _pair(
        "một dòng của bảng chỉ tiêu (cột kế hoạch, cột thực hiện)",
        "a row of an indicator table (the plan's column, the result's)",
    ),
    "extract.note.table_row_checked": _pair(
        "một dòng của bảng chỉ tiêu (cột kế hoạch, cột thực hiện): ",
        "a row of an indicator table (the plan's column, the result's): ",
    ),
    "extract.note.no_percent": _pair("; không có tỷ lệ để kiểm tra", "; no percentage to check"),
    "extract.note.actual_approximate": _pair(
        " (số thực hiện là số gần đúng)", " (the actual is approximate)"
    ),
    "extract.note.actual_rounding": _pair(
        " (số thực hiện “{text}” là số đã làm tròn, từ {low} đến {high}: có giá trị cho"
        " đúng {stated}%)",
        " (the actual “{text}” is written rounded, {low} to {high}: a value in it gives {stated}%)",
    ),
    "extract.note.comma_thousands": _pair(
        "“{text}” đọc với dấu phẩy phân cách hàng nghìn (chỉ cách đọc này cho ra tỷ lệ ghi): ",
        "“{text}” read with a thousands comma (only that reading gives the stated percentage): ",
    ),
    "extract.note.comma_two_readings": _pair(
        " (số có dấu phẩy trước ba chữ số có hai cách đọc, không cách nào cho đúng tỷ lệ ghi)",
        " (a number with a comma before three digits has two readings, neither gives the"
        " stated percentage as rounded)",
    ),
    "extract.note.target_qualified": _pair(
        "; chỉ tiêu là {target_qual} {t}", "; the target is {target_qual} {t}"
    ),
    "extract.note.so_not_qual": _pair(
        ", vậy không thể là {qual} {percent}%", ", so not {qual} {percent}%"
    ),
    "extract.note.so_not": _pair(", vậy không thể là {percent}%", ", so not {percent}%"),
    "extract.note.target_approximate": _pair(
        " (chỉ tiêu là số gần đúng)", " (the target is approximate)"
    ),
    "extract.note.part_not_exact": _pair(
        "có phần không phải là số chính xác", "a part is not an exact figure"
    ),
    "extract.note.parts_beyond_part": _pair(
        "các phần liệt kê cộng lại vượt phần này nhưng không vượt tổng số ở trên (có thể là"
        " các phần của tổng số), không kiểm tra: ",
        "the parts listed add up to more than this part but not to more than the whole above"
        " (they may be the whole's parts), unchecked: ",
    ),
    "extract.note.sum_first": _pair("{v}", "{v}"),
    "extract.note.sum_more": _pair(" + {v}", " + {v}"),
    "extract.note.sum_equal": _pair(" = {sum}; tổng số = {whole}", " = {sum}; total = {whole}"),
    "extract.note.sum_at_most": _pair(" = {sum}; tổng số ≤ {whole}", " = {sum}; total ≤ {whole}"),
    "extract.note.parts_over": _pair(
        "các phần liệt kê (không trùng nhau) cộng lại vượt tổng số: ",
        "the parts listed (which do not overlap) add up to more than the whole: ",
    ),
    "extract.note.sum_more_than": _pair(
        " = {sum} > tổng số {whole}", " = {sum} > the whole {whole}"
    ),
    "extract.note.parts_all": _pair(
        "các phần liệt kê là mọi loại của tổng số, đếm chính xác, nhưng cộng lại khác tổng số: ",
        "the parts listed are every kind of the whole, counted exactly, yet do not add up to it: ",
    ),
    "extract.note.parts_all_within": _pair(
        "các phần liệt kê là mọi loại của tổng số, nhưng cộng lại lệch tổng số quá nửa đơn vị"
        " chữ số cuối của các số: ",
        "the parts listed are every kind of the whole, yet add up to another number by more than"
        " half the last digits of the figures: ",
    ),
    "extract.note.shares_all": _pair(
        "các phần liệt kê là toàn bộ tổng số, nhưng dù làm tròn hay theo “hơn”, “gần” cũng không"
        " cộng lại bằng tổng số: ",
        "the shares listed are all of the whole, yet even as rounded or qualified they cannot"
        " add up to it: ",
    ),
    "extract.note.sum_not_whole": _pair(
        " = {sum} ≠ tổng số {whole}", " = {sum} ≠ the whole {whole}"
    ),
    "extract.note.remainder": _pair(
        "phần còn thiếu để đạt chỉ tiêu: {t} − {a} = {computed}, ghi {stated}",
        "the remainder to the plan: {t} − {a} = {computed}, written {stated}",
    ),
    "extract.note.part_of": _pair(
        "một phần của “{text}”: {v} ≤ {whole}", "a part of “{text}”: {v} ≤ {whole}"
    ),
    # why a statement is not placed in the long table (statements_to_kpis' reason)
    "extract.note.no_metric": _pair(
        "không có chỉ số: cách viết này không ứng với chỉ số nào trong bộ cụm từ",
        "no metric: the wording is no metric of the phrase book",
    ),
    "extract.note.no_single_unit": _pair(
        "không có đơn vị: {unit} không ứng với đúng một đơn vị nào trong danh mục năm {year}",
        "no unit: {unit} names no single unit of the registry in {year}",
    ),
    "extract.note.no_unit": _pair(
        "không có đơn vị: văn bản không nêu đơn vị nào gần số liệu",
        "no unit: the text names none near the statement",
    ),
    "extract.note.unit_unknown": _pair(
        "đơn vị {code} không có trong danh mục đơn vị", "unit {code} is not in the registry"
    ),
    "extract.note.whole_term": _pair(
        "không có năm: số liệu cả nhiệm kỳ ({term}), không của riêng năm nào",
        "no year: a whole-term figure ({term}), of no one year",
    ),
    "extract.note.no_year": _pair(
        "không có năm: văn bản không nêu năm", "no year: the text states none"
    ),
    "extract.note.not_in_force": _pair(
        "đơn vị {code} ({name}) không tồn tại ", "unit {code} ({name}) did not exist "
    ),
    "extract.note.in_year": _pair("trong năm {year}: ", "in {year}: it "),
    "extract.note.on_date": _pair("vào ngày {date}: ", "on {date}: it "),
    "extract.note.ceased": _pair("chấm dứt ngày {date}", "ceased on {date}"),
    "extract.note.starts": _pair("bắt đầu từ ngày {date}", "starts on {date}"),
    "extract.note.area_now": _pair("địa bàn nay thuộc {units}", "its area is now in {units}"),
    "extract.note.area_before": _pair(
        "trước đó, địa bàn thuộc {units}", "before, its area was in {units}"
    ),
    "extract.note.reused": _pair(
        "mã được dùng lại từ ngày {date} cho {name}", "the code is used again from {date} by {name}"
    ),
    "extract.note.part_label": _pair(" (một phần)", " (part)"),
    "extract.note.sep": _pair("; ", "; "),
    "extract.note.detail": _pair("{text}", "{text}"),
    "extract.note.same_as": _pair(
        "trùng đơn vị, năm và chỉ số với {text}", "the same unit, year and metric as {text}"
    ),
    "extract.note.a_range": _pair("một khoảng, không phải một số", "a range, not one figure"),
    "extract.note.no_actual": _pair("không có số thực hiện", "no actual figure"),
    "extract.note.approximate_figure": _pair(
        "số gần đúng ({qual})", "an approximate figure ({qual})"
    ),
    "extract.note.derived_figure": _pair("số suy ra", "an approximate figure (derived)"),
    "extract.note.whole_outside_parts": _pair(
        "các phần có kế hoạch cộng lại đúng bằng kế hoạch của tổng số, nên tỷ lệ của tổng số"
        " ({whole}%) phải nằm giữa tỷ lệ thấp nhất và cao nhất của các phần ({low}%–{high}%)",
        "the parts' plans add up to the whole's plan, so the whole's attainment ({whole}%)"
        " must lie between the parts' lowest and highest ({low}%–{high}%)",
    ),
    "extract.note.scale_apart": _pair(
        "gấp hơn {ratio} lần tổng số “{text}” ({v} so với {whole}): hai số không cùng một"
        " đơn vị (thiếu chữ chỉ bậc như “triệu”?)",
        "over {ratio} times its total “{text}” ({v} against {whole}): the two are not in one"
        " unit (a scale word such as “triệu” missing?)",
    ),
    "extract.note.larger_than_total": _pair(
        "lớn hơn tổng số “{text}”: {v} > {whole}", "larger than its total “{text}”: {v} > {whole}"
    ),
}

_BRIDGE = {
    # comparability across a change of structure (kpitools.comparability, kpitools.bridge)
    "table.bridge.why.exact": _pair("so sánh được chính xác", "exact"),
    "table.bridge.why.split.one": _pair(
        "{new} nhận một phần của {olds}, phần còn lại thuộc {others}",
        "{new} takes a part of {olds}, which is split with {others}",
    ),
    "table.bridge.why.split.many": _pair(
        "{new} nhận một phần của {olds}, phần còn lại thuộc {others}",
        "{new} takes parts of {olds}, which are split with {others}",
    ),
    "table.bridge.why.away.full.one": _pair(
        "{old} nhập toàn bộ vào {news}, không thuộc các đơn vị mới đã chọn",
        "{old} went into {news}, which is not among the new units",
    ),
    "table.bridge.why.away.full.many": _pair(
        "{old} nhập toàn bộ vào {news}, không thuộc các đơn vị mới đã chọn",
        "{old} went into {news}, which are not among the new units",
    ),
    "table.bridge.why.away.partial.one": _pair(
        "{old} được chia vào {news}, không thuộc các đơn vị mới đã chọn",
        "{old} went in parts into {news}, which is not among the new units",
    ),
    "table.bridge.why.away.partial.many": _pair(
        "{old} được chia vào {news}, không thuộc các đơn vị mới đã chọn",
        "{old} went in parts into {news}, which are not among the new units",
    ),
    "table.bridge.why.taken.full.one": _pair(
        "{new} nhận toàn bộ {olds}, không thuộc các đơn vị cũ đã chọn",
        "{new} takes the whole of {olds}, which is not among the old units",
    ),
    "table.bridge.why.taken.full.many": _pair(
        "{new} nhận toàn bộ {olds}, không thuộc các đơn vị cũ đã chọn",
        "{new} takes the whole of {olds}, which are not among the old units",
    ),
    "table.bridge.why.taken.partial.one": _pair(
        "{new} nhận một phần của {olds}, không thuộc các đơn vị cũ đã chọn",
        "{new} takes a part of {olds}, which is not among the old units",
    ),
    "table.bridge.why.taken.partial.many": _pair(
        "{new} nhận một phần của {olds}, không thuộc các đơn vị cũ đã chọn",
        "{new} takes parts of {olds}, which are not among the old units",
    ),
    "table.bridge.why.no_link": _pair("{unit} không có liên kết nào", "{unit} has no link"),
    "table.bridge.why.rest": _pair(
        "chỉ một phần của {old} được liên kết (với {new}); không rõ phần còn lại về đâu",
        "only a part of {old} is linked (to {new}); where the rest went is not known",
    ),
    "table.bridge.why.not_given": _pair(
        "{unit} không thuộc các đơn vị đã chọn", "{unit} is not among the units given"
    ),
    "table.bridge.and": _pair("và", "and"),
    "table.bridge.more": _pair("{listed} và {n} đơn vị khác", "{listed} and {n} more"),
    "table.bridge.group": _pair("Nhóm", "Group"),
    "table.bridge.old_units": _pair("Đơn vị cũ", "Old units"),
    "table.bridge.new_units": _pair("Đơn vị mới", "New units"),
    "table.bridge.comparable": _pair("So sánh chính xác", "Exactly comparable"),
    "table.bridge.kind": _pair("Thay đổi", "Change"),
    "table.bridge.why": _pair("Vì sao", "Why"),
    "table.bridge.kind.same": _pair("giữ nguyên / đổi tên", "same / renamed"),
    "table.bridge.kind.merged": _pair("sáp nhập", "merged"),
    "table.bridge.kind.split": _pair("chia tách", "split"),
    "table.bridge.kind.regrouped": _pair("sắp xếp lại", "regrouped"),
    "table.bridge.kind.cut": _pair("bị cắt ngang", "cut by a link"),
    "table.bridge.kind.incomplete": _pair("thiếu liên kết", "links incomplete"),
    "table.bridge.groups_caption": _pair(
        "Các nhóm đơn vị so sánh được qua lần sắp xếp ngày {date}: {exact}/{n} chính xác",
        "Groups of units across the change of {date}: {exact} of {n} exact",
    ),
    "table.bridge.metric": _pair("Chỉ số", "Metric"),
    "table.bridge.old_figure": _pair("{year} (đơn vị cũ)", "{year} (old units)"),
    "table.bridge.new_figure": _pair("{year} (đơn vị mới)", "{year} (new units)"),
    "table.bridge.change": _pair("Thay đổi", "Change"),
    "table.bridge.estimated": _pair("Ước tính", "Estimated"),
    "table.bridge.estimated_mark": _pair("ước tính", "estimated"),
    "table.bridge.note": _pair("Ghi chú", "Note"),
    "table.bridge.source": _pair("Nguồn", "Source"),
    "table.bridge.missing": _pair("thiếu số liệu của {units}", "no figures of {units}"),
    "table.bridge.estimated_note": _pair(
        "số của đơn vị cũ ước tính theo tỷ lệ do người dùng cung cấp",
        "old figures estimated from user-supplied shares",
    ),
    "table.bridge.estimated_source": _pair("ước tính theo tỷ lệ", "estimated from shares"),
    "table.bridge.sum_source": _pair("tổng các đơn vị", "sum of units"),
    "table.bridge.caption": _pair(
        "{old_year} theo đơn vị cũ ({old_period}) so với {new_year} theo đơn vị mới "
        "({new_period}); thay đổi ngày {date}",
        "{old_year} by old units ({old_period}) against {new_year} by new units "
        "({new_period}); change of {date}",
    ),
    "table.bridge.caption_estimated": _pair(
        "Có số ước tính (≈): phân bổ theo tỷ lệ do người dùng cung cấp, không phải số liệu "
        "báo cáo.",
        "Includes estimates (≈): apportioned by user-supplied shares, not reported figures.",
    ),
}

# Headers of exported tables (kpitools.io.export): the Vietnamese ones are headers the
# readers accept, so a file written with lang="vi" reads back.
_EXPORT = {
    "table.export.rank": _pair("Hạng", "Rank"),
    "table.export.unit_code": _pair("Mã đơn vị", "Unit code"),
    "table.export.unit_name": _pair("Đơn vị", "Unit"),
    "table.export.level": _pair("Cấp", "Level"),
    "table.export.year": _pair("Năm", "Year"),
    "table.export.as_of": _pair("Tính đến", "As of"),
    "table.export.period_start": _pair("Từ ngày", "Period start"),
    "table.export.metric": _pair("Chỉ số", "Metric"),
    "table.export.target": _pair("Chỉ tiêu", "Target"),
    "table.export.actual": _pair("Thực hiện", "Actual"),
    "table.export.attainment": _pair("Tỷ lệ đạt", "Attainment"),
    "table.export.variance": _pair("Chênh lệch", "Variance"),
    "table.export.status": _pair("Trạng thái", "Status"),
    "table.export.source": _pair("Nguồn", "Source"),
    "table.export.stated_percent": _pair("Tỷ lệ", "Stated percent"),
    "table.export.note": _pair("Ghi chú", "Note"),
    "table.export.share": _pair("Tỷ trọng", "Share"),
}

# What Vega tells screen readers a chart's parts are (``aria-roledescription``): its words
# are English, so a page in another language swaps them (kpitools.report.html.aria_words).
# Keys: a Vega mark type, a Vega-Lite mark's own word, or a guide.
_ARIA = {
    "chart.aria.visualization": _pair("biểu đồ", "visualization"),
    "chart.aria.container": _pair("nhóm {mark}", "{mark} mark container"),
    "chart.aria.axis": _pair("trục", "axis"),
    "chart.aria.legend": _pair("chú giải", "legend"),
    "chart.aria.title": _pair("tiêu đề", "title"),
    "chart.aria.subtitle": _pair("tiêu đề phụ", "subtitle"),
    "chart.aria.arc": _pair("cung", "arc"),
    "chart.aria.area": _pair("vùng", "area"),
    "chart.aria.bar": _pair("cột", "bar"),
    "chart.aria.circle": _pair("hình tròn", "circle"),
    "chart.aria.group": _pair("nhóm", "group"),
    "chart.aria.image": _pair("hình ảnh", "image"),
    "chart.aria.line": _pair("đường", "line"),
    "chart.aria.path": _pair("nét vẽ", "path"),
    "chart.aria.point": _pair("điểm", "point"),
    "chart.aria.rect": _pair("ô", "rect"),
    "chart.aria.rule": _pair("đường kẻ", "rule"),
    "chart.aria.shape": _pair("hình", "shape"),
    "chart.aria.square": _pair("hình vuông", "square"),
    "chart.aria.symbol": _pair("ký hiệu", "symbol"),
    "chart.aria.text": _pair("chữ", "text"),
    "chart.aria.tick": _pair("vạch", "tick"),
    "chart.aria.trail": _pair("vệt", "trail"),
}

#: Every word kpitools shows: namespaced key -> {language: text}.
WORDS: dict[str, dict[str, str]] = {
    **_BAND,
    **_CHART,
    **_TABLE,
    **_DISPLAY,
    **_EXPLORE,
    **_EXTRACT,
    **_BRIDGE,
    **_EXPORT,
    **_ARIA,
}


def word(key: str, lang: str, /, *, default: str | None = None, **fields: object) -> str:
    """The word ``key`` in ``lang``, its ``{fields}`` filled in when any are given.

    An unknown key raises ``KeyError``, unless a ``default`` is given: then that is
    returned as it is.

    Examples
    --------
    >>> word("chart.attainment", "en")
    'Attainment'
    >>> word("explore.more", "en", n=4)
    '… and 4 more'
    >>> word("extract.kind.other", "en", default="other")
    'other'
    """
    lang = check_lang(lang)
    words = WORDS.get(key)
    if words is None:
        if default is None:
            raise KeyError(f"no word {key!r}")
        return default
    text = words[lang]
    return text.format(**fields) if fields else text
