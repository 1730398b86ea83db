from __future__ import annotations

import os
import socket
import subprocess

import orjson
import pytest

from tests.cli.conftest import NEWSFLOW, REPO


def test_enrich_one_article_from_stdin(newsflow):
    text = b"A woman was shot and killed early Saturday in Memphis, authorities said."
    result = newsflow("enrich", "--date", "2024-02-05", "-", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    record = orjson.loads(result.stdout)
    (event,) = record["events"]
    assert (event["date"], event["killed"]["min"], event["place"]["name"]) == (
        "2024-02-03",
        1,
        "Memphis",
    )


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("enrich", "--date", "yesterday", "-"), b"Text.", b"not an ISO date"),
        (("enrich", "-"), b"No dateline here.", b"does not start with 'date YYYY-MM-DD'"),
        (("enrich", "nope.txt"), None, b"nope.txt: no such file"),
        (("eval", "nope.jsonl"), None, b"nope.jsonl"),
        (("worker", "--loglevel", "loud"), None, b"--loglevel must be one of crit, error"),
        (("serve", "--from-file", "nope.jsonl"), None, b"nope.jsonl: no such file"),
    ],
)
def test_user_mistakes_are_one_line_errors(newsflow, args, stdin, message):
    result = newsflow(*args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr and b"Traceback" not in result.stderr


def test_bad_setting_is_a_clear_error(newsflow):
    result = newsflow("config", env={"NEWSFLOW_SECURITY_PROTOCOL": "SASL_SSL"})
    assert result.returncode == 2 and b"NEWSFLOW_SASL_USERNAME" in result.stderr


def test_config_masks_secrets(newsflow):
    env = {
        "NEWSFLOW_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "NEWSFLOW_SASL_USERNAME": "u",
        "NEWSFLOW_SASL_PASSWORD": "hunter2",
    }
    result = newsflow("config", env=env)
    assert result.returncode == 0 and b"hunter2" not in result.stdout
    assert orjson.loads(result.stdout)["sasl_password"] == "********"


@pytest.mark.parametrize("command", ["run", "enrich", "eval", "config", "serve"])
def test_help_explains_each_command(newsflow, command):
    result = newsflow(command, "--help")
    assert result.returncode == 0 and b"Usage" in result.stdout


def test_every_option_of_every_command_has_a_sentence() -> None:
    import typer

    from pipeline.cli.main import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert len(commands) >= 10
    for name, command in commands.items():
        assert command.help, name
        # the command list shows the first paragraph: a line break inside it shows as one
        assert "\n" not in command.help.split("\n\n")[0].strip(), name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                # rich reads "[...]" as markup and drops it: a help of only that shows empty
                assert param.help and "[" not in param.help, (name, param.name)


NEEDS_A_BROKER = [
    ("produce", "seeds/"),
    ("sink", "--output", "out.jsonl"),
    ("worker",),
    ("tail",),
    ("serve", "--port", "0"),
]


def test_no_broker_is_said_at_once_and_given_up_on(tmp_path):
    # A port nothing listens on; COLUMNS=40: the error must stay one line however narrow.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "NEWSFLOW_BOOTSTRAP_SERVERS": f"127.0.0.1:{port}",
        "COLUMNS": "40",
    }
    # Each command waits its 10 s for the broker: all of them at once, not one after another.
    running = {
        args: subprocess.Popen(
            [str(NEWSFLOW), *(str(tmp_path / a) if a == "out.jsonl" else a for a in args)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for args in NEEDS_A_BROKER
    }
    for args, proc in running.items():
        _, stderr = proc.communicate(timeout=60)
        lines = stderr.decode().strip().splitlines()
        assert proc.returncode == 2 and b"Traceback" not in stderr, args
        assert lines[0].startswith("waiting up to 10 s for a Kafka broker at 127.0.0.1:"), args
        assert lines[-1].startswith("error: no Kafka broker answers at 127.0.0.1:"), args
        assert lines[-1].endswith("set NEWSFLOW_BOOTSTRAP_SERVERS"), args
