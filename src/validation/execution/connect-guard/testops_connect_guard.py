"""The SSRF guard inside a pytest run of TestOps Copilot (loaded with -p testops_connect_guard).

Connections to addresses the guard refuses fail before the socket connects: literal addresses
are judged, names resolve through a getaddrinfo that answers pinned hosts with the addresses
checked just before the run and refuses other names with a refused answer. The policy comes
from TESTOPS_CONNECT_GUARD: the pins and the IANA special-purpose blocks, as data.
"""

import ipaddress
import json
import os
import socket

_POLICY = json.loads(os.environ.get("TESTOPS_CONNECT_GUARD", "{}"))
_PINS = {host.lower(): addresses for host, addresses in _POLICY.get("pins", {}).items()}
# getaddrinfo answers pinned hosts with these; the connection then names them as literals.
_PINNED = {address for addresses in _PINS.values() for address in addresses}
_BLOCKS = [
    (ipaddress.ip_network(f"{block['network']}/{block['prefix']}"), block)
    for family in ("ipv4", "ipv6")
    for block in _POLICY.get("blocks", {}).get(family, [])
]
_EMBEDDED = {
    "last-32-bits": lambda value: value & 0xFFFFFFFF,
    "bits-16-to-48": lambda value: (value >> 80) & 0xFFFFFFFF,
    # Teredo stores the client's address with every bit inverted (RFC 4380 section 4).
    "teredo-client": lambda value: ~value & 0xFFFFFFFF,
}


def refused_kind(address):
    """Why an address is refused (its kind), or None when it is globally reachable."""
    try:
        ip = ipaddress.ip_address(str(address).split("%")[0].strip("[]"))
    except ValueError:
        return "reserved"
    for network, block in _BLOCKS:
        if ip.version != network.version or ip not in network:
            continue
        embedding = block.get("embedding")
        if not embedding:
            return None if block["kind"] == "global" else block["kind"]
        inner = refused_kind(str(ipaddress.IPv4Address(_EMBEDDED[embedding](int(ip)))))
        if inner:
            return inner
        return block["kind"] if block.get("refuse") else None
    return None


def _refuse(host, address):
    kind = refused_kind(address)
    if kind:
        raise PermissionError(
            f"TESTOPS_URL_REFUSED: connection to {host} ({address}) refused: a {kind} address "
            "(the SSRF guard is on for this run). Tip: run against a public URL, or start the "
            "service with TESTOPS_ALLOW_PRIVATE_TARGETS=1."
        )


_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _guarded_getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    name = host.decode() if isinstance(host, bytes) else host
    pinned = _PINS.get(str(name).lower().strip("[]")) if name is not None else None
    if pinned:
        answers = []
        for address in pinned:
            answers += _getaddrinfo(address, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        return answers
    answers = _getaddrinfo(host, port, family, type, proto, flags)
    for *_, sockaddr in answers:
        _refuse(name, sockaddr[0])
    return answers


def _target(sock, address):
    """The address to connect to: a literal judged, a name resolved through the guard."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return address
    host, port = address[0], address[1]
    try:
        ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        answers = _guarded_getaddrinfo(host, port, sock.family, socket.SOCK_STREAM)
        return answers[0][4]
    if host not in _PINNED:
        _refuse(host, host)
    return address


def _guarded_connect(self, address):
    return _connect(self, _target(self, address))


def _guarded_connect_ex(self, address):
    return _connect_ex(self, _target(self, address))


socket.getaddrinfo = _guarded_getaddrinfo
socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
