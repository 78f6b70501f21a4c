"""Importing historical 依申请公开 cases (`manage.py applications import`).

One JSON object per line (UTF-8; blank lines are skipped). Every line is
checked; when any line is wrong each one is reported with its number and
nothing is loaded.

Required keys
- `org`: 统一社会信用代码 of an organisation in Gongkai;
- `applicant_type`: natural_person | commercial_enterprise |
  research_institution | social_welfare_org | legal_service_org | other_org;
- `received_on`: 收到申请之日 (ISO date, 条例第三十一条), not after today;
- `channel`: online | in_person | registered_post | ordinary_post | fax |
  email | oral;
- `outcome` and `closed_on`: both null (the case is still open) or both set
  (an Outcome identifier of the glossary, and the closing date ≥
  `received_on`, not after today).

Optional keys
- `pauses`: list of `{"kind": "correction"|"consultation"|"fee", "start":
  date, "end": date|null}`: 补正 (notice → corrected application; the count
  restarts from `end`), 征求意见 (letter → answer), 信息处理费 (notice →
  payment). Pauses lie inside the case and do not overlap; one correction
  and one fee at most; `end: null` only for the last pause (an open case is
  then 待补正/征求意见中/待缴费). Extra keys: `deadline` (correction: by when
  to correct; default the notice date), `consultation_kind` (third_party |
  co_producer) and `delivered_on` (consultation).
- `extension_days`: 0–`GONGKAI_APPLICATIONS["extension_max_wd"]` (20), and
  `extended_on` (default: the original due date, or the reply if earlier);
  the ledger rejects an extension decided after the original due date.
- `fee`: `{"method": "per_piece"|"per_page", "quantity": int,
  "amount": int 元 (default: the 109号 tariff), "pieces_before": int
  (per_piece: the applicant's earlier pieces that month), "issued_on": date,
  "notice_received_on": date (default issued_on), "paid_on": date|null,
  "receipt_number": str}`. Its pause runs from `issued_on` to `paid_on`; a
  `fee` pause in `pauses` needs this object (dates default to the pause's).
- `applicant_key`: an opaque identity from the old system (≤ 32 chars, never
  an ID number: no personal data is imported), `description`, `doc_title`,
  `form` (paper | electronic | disc | download), `delivery` (post |
  in_person | online).

Each case gets a new tracking code, the applicant name 历史导入, the case
file events the services would have written, and its reply deadline
(`deadlines.deadline_ledger`); the import writes one audit record
(APPLICATION_IMPORTED) per organisation. The same file is not imported twice.
"""

from .load import ImportResult, applications_import_records
from .parse import ParseContext, record_parse
from .records import ImportFee, ImportPause, ImportRecord, LineError
from .run import ImportRejected, applications_import_file, import_context, lines_parse

__all__ = [
    "ImportFee",
    "ImportPause",
    "ImportRecord",
    "ImportRejected",
    "ImportResult",
    "LineError",
    "ParseContext",
    "applications_import_file",
    "applications_import_records",
    "import_context",
    "lines_parse",
    "record_parse",
]
