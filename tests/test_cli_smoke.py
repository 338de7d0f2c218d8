"""The front door: the console script and `python -m editio` both answer."""

import subprocess
import sys

from editio import __version__


def test_python_m_editio_version():
    out = subprocess.run([sys.executable, "-m", "editio", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in out.stdout


def test_help_lists_commands():
    out = subprocess.run([sys.executable, "-m", "editio", "--help"], capture_output=True, text=True, check=True)
    for command in ("validate", "html", "text", "build"):
        assert command in out.stdout
