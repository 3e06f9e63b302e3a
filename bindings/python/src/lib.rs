//! pyo3 glue for opgate.
