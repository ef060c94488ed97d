"""Tables with declared columns: the one place a frame is given its dtypes."""

from __future__ import annotations

import pandas as pd

__all__ = ["typed"]


def typed(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """``frame`` with exactly the declared columns, in order, as the declared dtypes;
    integer columns with gaps become nullable ``Int64``, missing text stays missing.

    A frame that already is so comes back as it is (tables are typed at every step
    they pass, so this is the common case, and costs no copy).
    """
    changed = list(frame.columns) != list(dtypes)
    out = {}
    for column, dtype in dtypes.items():
        if column not in frame.columns:
            out[column] = pd.Series(dtype=dtype, index=frame.index)
            changed = True
            continue
        values = frame[column]
        current = str(values.dtype)
        if dtype == "str":
            if values.dtype != "str":
                values = values.astype("str")
                changed = True
        elif dtype == "int64" and current != "int64":
            gaps = values.isna().any()
            if not (gaps and current == "Int64"):
                values = values.astype("Int64" if gaps else "int64")
                changed = True
        elif dtype != "int64" and current != dtype:
            values = values.astype(dtype)
            changed = True
        out[column] = values
    return pd.DataFrame(out, index=frame.index) if changed else frame
