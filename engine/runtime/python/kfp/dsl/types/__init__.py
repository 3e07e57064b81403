"""Type system pieces the executor needs: artifact classes and I/O annotations."""
