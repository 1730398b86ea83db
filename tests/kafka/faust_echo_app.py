"""A minimal faust-streaming app for the smoke test: reads one topic, writes another.

Run as a real worker process: python faust_echo_app.py worker -l warning
Configured by ECHO_BROKER, ECHO_SOURCE, ECHO_SINK, ECHO_APP_ID."""

import os

import faust

app = faust.App(
    os.environ["ECHO_APP_ID"],
    broker=f"kafka://{os.environ['ECHO_BROKER']}",
    store="memory://",
    web_enabled=False,
    topic_partitions=1,
    topic_replication_factor=1,
)
source = app.topic(os.environ["ECHO_SOURCE"], value_type=bytes, value_serializer="raw")
sink = app.topic(os.environ["ECHO_SINK"], value_type=bytes, value_serializer="raw")


@app.agent(source)
async def echo(stream):
    async for key, value in stream.items():
        await sink.send(key=key, value=value.upper())


if __name__ == "__main__":
    app.main()
