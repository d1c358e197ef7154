"""pytest's settings for the whole checkout."""

from importlib.util import find_spec

# The examples in newsclean.dask's docstrings build Dask bags: without the extra (pip install
# newsclean[dask], which the test extra includes) they cannot run; tests/test_dask.py skips itself.
collect_ignore = [] if find_spec("dask") else ["src/newsclean/dask.py"]
