"""Student reports (HTML to read and print, JSON for machines) and the class summary."""
