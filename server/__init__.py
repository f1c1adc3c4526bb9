"""Serving: what ``app.py``'s ``st.App`` puts around Streamlit (routes, middleware). Imports
``planner`` and ``views``; neither imports it."""
