"""Hub consolidation from files: inputs, matrices, pipeline, metrics, geometry, outputs."""
