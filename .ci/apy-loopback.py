"""Start Apertium APy bound to 127.0.0.1 only.

APy 0.11 has no option for the listen address and binds every interface;
this launcher patches tornado's bind to loopback and then runs APy's own
main with the given arguments:

    /usr/bin/python3 .ci/apy-loopback.py -p PORT /usr/share/apertium/modes
"""
import sys

import tornado.tcpserver

_bind = tornado.tcpserver.TCPServer.bind


def _loopback_bind(self, port, address=None, *args, **kwargs):
    return _bind(self, port, "127.0.0.1", *args, **kwargs)


tornado.tcpserver.TCPServer.bind = _loopback_bind

from apertium_apy.apy import main  # noqa: E402

sys.argv = ["apertium-apy"] + sys.argv[1:]
sys.exit(main())
