"""Visual builders: from the filter state to `Visual`s (data + pure figures + tables). One module per page."""
