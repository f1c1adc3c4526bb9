"""Calibration: fit the planner to a merchant's own past live sessions.

``read_sessions`` parses and checks a CSV, .xlsx or JSON export (schema in ``schema.COLUMNS``),
``spend.read_with_spend`` also joins spend files by date and account; ``simulator`` makes the
sample exports in ``examples/`` by a process that is not the engine;
``calibrate`` fits the engine's identifiable parameters by least squares on the engine
itself, back-tests the fit, and returns a ``Calibration`` whose ``scenario`` and ``query``
are the fitted scenario and its share link.
"""

from .fit import Backtest, Calibration, Estimate, FitResult, backtest, calibrate, fit
from .reader import FileProblems, Problem, Sessions, read_sessions
from .schema import COLUMNS, MAX_BYTES, MAX_ROWS, schema_markdown, schema_rows

__all__ = ["COLUMNS", "MAX_BYTES", "MAX_ROWS", "Backtest", "Calibration", "Estimate", "FileProblems",
           "FitResult", "Problem", "Sessions", "backtest", "calibrate", "fit", "read_sessions",
           "schema_markdown", "schema_rows"]
