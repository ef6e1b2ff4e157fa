"""Every error crosswire raises, each with a stable code and a message that names the input.

Exception tree::

    CrosswireError
    ├── InputError              an input could not become a report (the batch goes on)
    │   ├── EmptyInput          CW-INGEST-001
    │   ├── BinaryInput         CW-INGEST-002
    │   ├── InputTooLarge       CW-INGEST-003
    │   ├── UnreadableInput     CW-INGEST-004
    │   ├── BadHTML             CW-INGEST-005
    │   ├── BadJSONLine         CW-INGEST-006
    │   ├── NoText              CW-INGEST-007
    │   ├── BadFeed             CW-INGEST-008
    │   ├── ReportTooLong       CW-INGEST-009  the cleaned body is over ``max_report_chars``
    │   └── AnalysisFailed      CW-ANALYZE-001 the analyze stage failed on this report alone
    ├── StoreError              CW-STORE-001  the database cannot be opened or is newer than this code
    ├── NotFound                CW-QUERY-001  no story / report / entity with that id
    ├── cli.common.CliError     CW-CLI-001    a command-line value or setting the command cannot use
    └── web.data.CompareInput   CW-WEB-400    (the web API also answers CW-WEB-401/403/413/415/422)
"""

from __future__ import annotations


class CrosswireError(Exception):
    code = "CW-000"

    def __init__(self, subject: str, reason: str) -> None:
        self.subject = subject
        self.reason = reason
        super().__init__(f"{subject}: {self.code}: {reason}")


class InputError(CrosswireError):
    code = "CW-INGEST-000"


class EmptyInput(InputError):
    code = "CW-INGEST-001"


class BinaryInput(InputError):
    code = "CW-INGEST-002"


class InputTooLarge(InputError):
    code = "CW-INGEST-003"


class UnreadableInput(InputError):
    code = "CW-INGEST-004"


class BadHTML(InputError):
    code = "CW-INGEST-005"


class BadJSONLine(InputError):
    code = "CW-INGEST-006"


class NoText(InputError):
    code = "CW-INGEST-007"


class BadFeed(InputError):
    code = "CW-INGEST-008"


class ReportTooLong(InputError):
    code = "CW-INGEST-009"


class AnalysisFailed(InputError):
    code = "CW-ANALYZE-001"


class StoreError(CrosswireError):
    code = "CW-STORE-001"


class NotFound(CrosswireError):
    code = "CW-QUERY-001"
