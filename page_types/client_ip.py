"""The reader's address, also behind a reverse proxy.

X-Forwarded-For is believed only when the request comes from a proxy named in
PORTAL_TRUSTED_PROXIES (addresses or networks): anyone else could write any address there.
From the right, the first hop that is not one of our proxies is the client."""

import ipaddress

from django.conf import settings


def _networks():
    return [
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in getattr(settings, "PORTAL_TRUSTED_PROXIES", ())
        if entry.strip()
    ]


def _trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks()
    if not networks or not _trusted(remote, networks):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote
    return remote
