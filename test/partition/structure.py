"""The structure of a (partitioned) Symbol JSON, for comparing partitions.

Every node as its name and its inputs as (source name, output index);
subgraph nodes also with their op, their attributes and, recursively,
their subgraphs; and the heads. Other attributes are left out: the
partition is what is compared.
"""


def describe(graph):
    nodes = graph["nodes"]

    def entry(e):
        return [nodes[e[0]]["name"], e[1]]

    described = []
    for node in nodes:
        item = {"name": node["name"], "inputs": [entry(e) for e in node["inputs"]]}
        if "subgraphs" in node:
            item["op"] = node["op"]
            item["attrs"] = node.get("attrs", {})
            item["subgraphs"] = [describe(s) for s in node["subgraphs"]]
        described.append(item)
    return {"nodes": described, "heads": [entry(h) for h in graph["heads"]]}
