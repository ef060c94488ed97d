"""Tables with declared columns: the one place a frame is given its dtypes."""

from __future__ import annotations

import pandas as pd

__all__ = ["typed"]


def typed(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """``frame`` with exactly the declared columns, in order, as the declared dtypes;
    integer columns with gaps become nullable ``Int64``, missing text stays missing."""
    out = {}
    for column, dtype in dtypes.items():
        if column not in frame.columns:
            out[column] = pd.Series(dtype=dtype, index=frame.index)
            continue
        values = frame[column]
        if dtype == "str":
            out[column] = values if values.dtype == "str" else values.astype("str")
        elif dtype == "int64" and values.isna().any():
            out[column] = values.astype("Int64")
        elif str(values.dtype) != dtype:
            out[column] = values.astype(dtype)
        else:
            out[column] = values
    return pd.DataFrame(out, index=frame.index)
