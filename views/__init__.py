"""The app's views: controls, URL state, charts, tables and exports. Only app.py and pages/ render."""
