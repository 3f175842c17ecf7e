"""The nginx configuration in deploy/ passes `nginx -t` (docs/deployment.md)."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def test_nginx_conf_passes_nginx_t() -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run(
        [nginx, "-t", "-c", str(NGINX_CONF)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
    assert "test is successful" in result.stderr


def test_nginx_conf_spreads_over_two_web_servers() -> None:
    text = NGINX_CONF.read_text(encoding="utf-8")
    assert "server 127.0.0.1:8001;" in text
    assert "server 127.0.0.1:8002;" in text
    assert "proxy_set_header Host $host;" in text


def test_deployment_doc_links_the_conf_and_readme_links_the_doc() -> None:
    doc = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    assert "deploy/nginx.conf" in doc
    assert "docs/deployment.md" in (ROOT / "README.md").read_text(encoding="utf-8")
