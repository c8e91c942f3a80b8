"""The served process's long-lived heap, set aside from the garbage collector once the app is loaded."""

import gc


def freeze_loaded_heap() -> None:
    """Move everything loaded so far (Django, the app, their modules) out of the collector's reach: a
    full collection then walks only what requests allocate, instead of pausing a request for the whole
    long-lived heap (measured: the API's 100-engagement list had a p95 about three times its median)."""
    gc.collect()
    gc.freeze()
