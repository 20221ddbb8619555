"""Scans read with Tesseract's Vietnamese model: PDF pages rasterised by pdftoppm, images through Pillow.

Both programs run as child processes under a time limit and an address-space limit, so a page
built to overload them costs a bounded amount and is reported, never hangs the reader.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from danvan.core.uploads import IMAGE_FORMATS

from .errors import ReadError
from .limits import reading_limits

_MEGABYTE = 1024 * 1024
# Below this a rasterised page is too coarse for Tesseract to tell Vietnamese tone marks apart.
_MIN_DPI = 100
# Deskewing looks for the angle whose rows of ink stand out most, on a reduced copy of the page.
_SKEW_SIDE = 800
_SKEW_STEPS = [step / 4 for step in range(-12, 13)]  # -3° to 3°


def missing_programs():
    """The Debian packages OCR needs that are not installed (with the Vietnamese model)."""
    missing = [package for package, program in (("tesseract-ocr", "tesseract"), ("poppler-utils", "pdftoppm"))
               if shutil.which(program) is None]
    if "tesseract-ocr" not in missing and not _has_vietnamese():
        missing.append("tesseract-ocr-vie")
    return missing


def _has_vietnamese():
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "vie" in listed.split()


def require_ocr():
    missing = missing_programs()
    if missing:
        raise ReadError(
            "Tệp là bản quét (ảnh chụp) nên cần nhận dạng chữ, nhưng máy chủ chưa cài "
            + ", ".join(missing) + f"; quản trị viên cài bằng lệnh: sudo apt-get install {' '.join(missing)}"
        )


def _limited(memory_megabytes):
    def limit():
        import resource

        size = memory_megabytes * _MEGABYTE
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return limit if os.name == "posix" else None


def _run(command, what, limits):
    # One thread: Tesseract's OpenMP threads spin against each other on a shared machine (measured 5x slower).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        # Its complaints are not kept: pdftoppm writes a line per syntax error, millions for a hostile file.
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=limits["page_seconds"],
                              env=env, preexec_fn=_limited(limits["ocr_memory_megabytes"]))
    except subprocess.TimeoutExpired as error:
        raise ReadError(f"{what} quá {limits['page_seconds']} giây nên đã dừng; tệp có thể bị hỏng hoặc quá nặng") from error
    if done.returncode != 0:
        raise ReadError(f"{what} không thành công; tệp có thể bị hỏng hoặc quá nặng")
    return done.stdout


def _otsu(image):
    """The grey level that best splits ink from paper (Otsu's method on the histogram)."""
    histogram = image.histogram()[:256]
    total, weighted_all = sum(histogram), sum(level * count for level, count in enumerate(histogram))
    below = weighted_below = 0
    best, threshold = -1.0, 128
    for level, count in enumerate(histogram):
        below += count
        above = total - below
        if not below or not above:
            continue
        weighted_below += level * count
        mean_below, mean_above = weighted_below / below, (weighted_all - weighted_below) / above
        spread = below * above * (mean_below - mean_above) ** 2
        if spread > best:
            best, threshold = spread, level
    return threshold


def _pixels(image):
    return list(image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata())


def skew_angle(image):
    """The rotation (degrees) that sets the lines of text level: the angle where row sums of ink vary most."""
    from PIL import Image

    small = image.copy()
    small.thumbnail((_SKEW_SIDE, _SKEW_SIDE))
    threshold = _otsu(small)
    ink = small.point(lambda level: 255 if level < threshold else 0)
    best, angle = -1.0, 0.0
    for step in _SKEW_STEPS:
        rows = _pixels(ink.rotate(step, resample=Image.BILINEAR).resize((1, ink.height), Image.BOX))
        mean = sum(rows) / len(rows)
        spread = sum((row - mean) ** 2 for row in rows)
        if spread > best:
            best, angle = spread, step
    return angle


def prepare(image):
    """The page as Tesseract reads it best: grey, speckles smoothed, level, black on white."""
    from PIL import Image, ImageFilter

    image = image.convert("L").filter(ImageFilter.MedianFilter(3))
    angle = skew_angle(image)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    threshold = _otsu(image)
    return image.point(lambda level: 255 if level > threshold else 0).convert("1")


def recognise(image, limits=None):
    """Tesseract's text (Vietnamese) of a prepared page image."""
    limits = limits or reading_limits()
    with tempfile.TemporaryDirectory(prefix="danvan-ocr-") as folder:
        page = Path(folder) / "page.png"
        image.save(page)
        out = _run(["tesseract", str(page), "stdout", "-l", "vie", "--psm", "3"], "Nhận dạng chữ", limits)
    return out.decode("utf-8", errors="replace")


def rasterise(path, number, dpi, limits=None):
    """Page ``number`` (from 1) of a PDF as a grey image at ``dpi``, by pdftoppm."""
    from PIL import Image

    limits = limits or reading_limits()
    with tempfile.TemporaryDirectory(prefix="danvan-page-") as folder:
        prefix = Path(folder) / "page"
        _run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(number), "-l", str(number), "-singlefile",
              str(path), str(prefix)], f"Chuyển trang {number} thành ảnh", limits)
        with Image.open(prefix.with_suffix(".png"), formats=["PNG"]) as image:
            image.load()
            return image.copy()


def page_dpi(width_points, height_points, limits):
    """The resolution for a page of that size (PDF points): the configured one, lowered so the image stays within
    the pixel budget; a page too large even at the lowest useful resolution is refused."""
    dpi = limits["ocr_dpi"]
    inches = (width_points / 72) * (height_points / 72)
    budget = limits["max_image_megapixels"] * 1_000_000
    if inches * dpi * dpi > budget:
        dpi = int((budget / inches) ** 0.5)
    if dpi < _MIN_DPI:
        raise ReadError(f"Trang quá khổ ({width_points / 72 * 2.54:.0f} × {height_points / 72 * 2.54:.0f} cm) để nhận dạng chữ")
    return dpi


def open_image(path, limits=None):
    """A photo or scan as a Pillow image, refused before decoding when it has more pixels than allowed."""
    from PIL import Image, ImageOps

    limits = limits or reading_limits()
    suffix = Path(path).suffix.casefold()
    budget = limits["max_image_megapixels"]
    try:
        with Image.open(path, formats=[IMAGE_FORMATS[suffix]]) as image:
            if image.width * image.height > budget * 1_000_000:
                raise ReadError(
                    f"Ảnh quá lớn ({image.width * image.height / 1_000_000:.0f} triệu điểm ảnh, tối đa {budget} triệu)"
                )
            image.load()
            return ImageOps.exif_transpose(image)
    except ReadError:
        raise
    except Image.DecompressionBombError as error:
        raise ReadError(f"Ảnh quá lớn (tối đa {budget} triệu điểm ảnh)") from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ReadError("Tệp ảnh bị hỏng hoặc không đúng định dạng") from error
