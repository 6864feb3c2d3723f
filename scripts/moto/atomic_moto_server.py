"""moto_server with DynamoDB's request atomicity; same arguments as moto_server.

Every test harness, `make local`, the drill and the benchmarks start moto through this file, because
moto 5.2.5 (scripts/python-requirements.txt) departs from DynamoDB in two ways that the bookstore's
checkout (one TransactWriteItems) and its stream readers run into:

1. It applies a transaction's items one by one and rolls a cancelled one back by restoring copies of the
   tables taken when it started. With concurrent requests that restore undoes writes another request had
   committed meanwhile (seen: three checkouts with one idempotency key each placing "the" order).
   DynamoDB executes every request atomically: handling one request at a time gives that back, while
   clients still race each other request by request.
2. The restored copies replace the live table objects, stream shard included. Every open shard iterator
   keeps reading the replaced shard, which never gets another record: after one cancelled transaction
   (a checkout retried with the same key is one) a stream consumer silently sees nothing more. This is
   what once made the failover drill's replicator lose track of writes. DynamoDB writes no stream record
   for a cancelled transaction and breaks no iterator: here the rollback is put back into the live tables,
   and stream records of the transaction's own partial writes are dropped.

Requests are serialized only once their body has arrived, so one stalled client cannot stop the server.

One more departure, Cognito's this time: moto 5.2.5 puts the regional issuer
https://cognito-idp.<region>.amazonaws.com/<pool id> in every token. The bookstore's pool uses the updated
issuer https://issuer-cognito-idp.<region>.amazonaws.com/<pool id>, the one a pool with a multi-Region replica
needs so that tokens validate the same in both regions (Cognito developer guide, "Multi-Region replication for
user pools" and "user pool as OIDC issuer"; docs/architecture.md#the-user-pool): moto's tokens carry it here.
"""
import faulthandler
import io
import signal
import threading

from moto import server
from moto.cognitoidp.models import CognitoIdpUserPool
from moto.dynamodb.models import DynamoDBBackend

_one_request_at_a_time = threading.Lock()
_dispatch = server.DomainDispatcherApplication.__call__
_transact_write_items = DynamoDBBackend.transact_write_items


def _serialized(self, environ, start_response):
    # The body is read before the lock is taken: a client that sent its headers and then stalls (a
    # thread interrupted mid-request, as an executor's shutdownNow does) holds up only its own request.
    # Read under the lock, it once made moto stop answering everyone for minutes.
    length = environ.get("CONTENT_LENGTH")
    if length:
        environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(int(length)))
    elif environ.get("wsgi.input_terminated"):
        environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read())
    with _one_request_at_a_time:
        return _dispatch(self, environ, start_response)


def _transact_write_items_in_place(self, transact_items):
    live = dict(self.tables)
    try:
        return _transact_write_items(self, transact_items)
    finally:
        for name, table in live.items():
            restored = self.tables.get(name)
            if restored is not None and restored is not table:
                table.items = restored.items
                if table.stream_shard is not None and restored.stream_shard is not None:
                    del table.stream_shard.items[len(restored.stream_shard.items):]
                self.tables[name] = table


_create_jwt = CognitoIdpUserPool.create_jwt


def _create_jwt_with_updated_issuer(self, client_id, username, token_use, expires_in=60 * 60, extra_data=None):
    # moto applies extra_data last, over its own claims: the issuer is replaced before the token is signed.
    claims = dict(extra_data or {})
    claims["iss"] = f"https://issuer-cognito-idp.{self.region}.amazonaws.com/{self.id}"
    return _create_jwt(self, client_id, username, token_use, expires_in, claims)


server.DomainDispatcherApplication.__call__ = _serialized
DynamoDBBackend.transact_write_items = _transact_write_items_in_place
CognitoIdpUserPool.create_jwt = _create_jwt_with_updated_issuer

if __name__ == "__main__":
    # A server that stops answering can be asked where every thread stands: kill -USR1 <pid> prints the
    # stacks to its output (the engines' logs), without stopping it.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    server.main()
