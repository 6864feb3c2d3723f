"""moto_server that handles one request at a time; same arguments as moto_server.

moto 5.2.5 applies the items of a TransactWriteItems one by one and rolls a cancelled transaction back
by restoring copies of the tables taken when it started. With concurrent requests that restore can undo
writes another request has already committed (seen here: three checkouts with the same idempotency key
each placing "the" order). DynamoDB executes every request atomically; serializing moto's requests gives
each one that guarantee back, while clients still race each other request by request.
"""
import threading

from moto import server

_one_request_at_a_time = threading.Lock()
_dispatch = server.DomainDispatcherApplication.__call__


def _serialized(self, environ, start_response):
    with _one_request_at_a_time:
        return _dispatch(self, environ, start_response)


server.DomainDispatcherApplication.__call__ = _serialized

if __name__ == "__main__":
    server.main()
