"""What reading one PDF or scan may cost; ``INGEST_READING_LIMITS`` in the settings overrides any of them."""

DEFAULT_LIMITS = {
    "max_pdf_pages": 300,  # a longer PDF is refused, not read in part
    "text_layer_seconds": 90,  # pypdf reading every page's text, in a child process
    "text_layer_megabytes": 512,  # that child's address space
    "max_scanned_pages": 50,  # pages of one file read by OCR (several seconds each)
    "ocr_dpi": 300,  # measured on the scanned test set: fewer misread digits than at 200
    "page_seconds": 120,  # rasterising or recognising one page
    "file_seconds": 1800,  # one whole file
    "ocr_memory_megabytes": 1024,  # address space of pdftoppm and tesseract
}


def reading_limits():
    """The limits in force: the defaults, overridden by the settings when Django is configured."""
    from django.conf import settings

    from danvan.core.uploads import upload_limits

    configured = getattr(settings, "INGEST_READING_LIMITS", {}) if settings.configured else {}
    # A photo, or a page once rasterised, has the pixel budget of every uploaded image.
    return {**DEFAULT_LIMITS, "max_image_megapixels": upload_limits()["max_image_megapixels"], **configured}
