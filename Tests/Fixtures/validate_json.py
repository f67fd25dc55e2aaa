#!/usr/bin/env python3
"""Validate JSON or YAML files against a JSON Schema.

    validate_json.py SCHEMA FILE...

Prints one line per FILE: `ok FILE`, or `invalid FILE: <path>: <message>` for its most relevant
error. Exit status: 0 when every file is valid, 1 when one is not, 2 on a usage error, a schema
that is not a valid JSON Schema, or a file that cannot be loaded (reported as `error FILE: ...`).

The validator class comes from the schema's `$schema` (draft-04 SARIF, draft-07 assoclint
schemas). Files ending in .json are read as JSON, all others as YAML.

YAML is read the way yaml-language-server reads it by default (YAML 1.2 core schema): only
true/false are booleans (`off`, `yes` stay text), dates stay text, `<<` merge keys and anchors are
resolved, and mapping keys are always text, as in JSON.

Needs `pip install jsonschema pyyaml`.
"""
import json
import re
import sys

try:
    import jsonschema
    import jsonschema.exceptions
    import jsonschema.validators
    import yaml
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(f"validate_json.py: {error}; run: pip install jsonschema pyyaml\n")
    sys.exit(2)


class CoreSchemaLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars and text-only mapping keys."""

    yaml_implicit_resolvers = {}

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark)
        self.flatten_mapping(node)  # resolves `<<` merge keys
        mapping = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value  # keys are text, as in JSON and as assoclint reads them
            else:
                key = json.dumps(self.construct_object(key_node, deep=True), default=str)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _resolver(tag, pattern, first):
    CoreSchemaLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_resolver("tag:yaml.org,2002:float",
          r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
          r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789")
_resolver("tag:yaml.org,2002:merge", r"^(?:<<)$", "<")


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load(path):
    """The documents of a file: one for JSON, each `---` document for YAML (None when empty)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if path.lower().endswith(".json"):
        return [json.loads(data.decode("utf-8"))]
    documents = list(yaml.load_all(data, Loader=CoreSchemaLoader))
    return documents or [None]


def pointer(error):
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in error.absolute_path]
    return "/" + "/".join(parts)


def describe(error):
    schema = error.schema if isinstance(error.schema, dict) else {}
    message = schema.get("patternErrorMessage") if error.validator == "pattern" else None
    message = message or schema.get("errorMessage") or error.message
    message = " ".join(message.split())
    return message if len(message) <= 300 else message[:297] + "..."


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: validate_json.py SCHEMA FILE...\n")
        return 2
    try:
        with open(argv[1], "rb") as handle:
            schema = json.loads(handle.read().decode("utf-8"))
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as error:
        sys.stderr.write(f"validate_json.py: cannot use schema {argv[1]}: {error}\n")
        return 2
    validator = validator_class(schema)

    status = 0
    for path in argv[2:]:
        try:
            documents = load(path)
        except (OSError, ValueError, yaml.YAMLError) as error:
            print(f"error {path}: cannot load: {' '.join(str(error).split())}")
            status = 2
            continue
        errors = None
        for document in documents:
            error = jsonschema.exceptions.best_match(validator.iter_errors(document))
            if error is not None:
                errors = error
                break
        if errors is None:
            print(f"ok {path}")
        else:
            print(f"invalid {path}: {pointer(errors)}: {describe(errors)}")
            status = max(status, 1)
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
