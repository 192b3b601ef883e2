"""sym-run's deterministic weight fill (--fill-missing) and a writer of
MXNet .params files in plain Python, so that a model without weights runs
anywhere with the weights its golden outputs were computed with (the GPU
check writes them where neither MXNet nor numpy may be installed)."""
import array
import math
import struct
import sys


def _f32(values):
    """The values rounded to float32 (each op below rounds as numpy's float32
    arithmetic does: the double result of one op on floats, rounded, is the
    correctly rounded float)."""
    return array.array("f", values)


def fill_values(name, shape):
    """sym-run's --fill-missing (makeFilledArray) as float32 values in C
    order: u_i = ((i * 7919) mod 1000) / 1000 - 0.5; rank >= 2 arrays scaled
    by sqrt(12 / fan_in), 1-D *var arrays shifted by 1. u has period 1000,
    so one period is computed and repeated."""
    n = 1
    for extent in shape:
        n *= extent
    period = _f32(((i * 7919) % 1000) for i in range(1000))
    period = _f32(v / 1000.0 for v in period)
    period = _f32(v - 0.5 for v in period)
    if len(shape) >= 2:
        fan_in = max(n // shape[0] if shape[0] else 1, 1)
        scale = _f32([math.sqrt(_f32([12.0 / _f32([fan_in])[0]])[0])])[0]
        period = _f32(v * scale for v in period)
    elif name.endswith("var"):
        period = _f32(v + 1.0 for v in period)
    values = period * (n // 1000) + period[:n % 1000]
    if sys.byteorder != "little":
        values.byteswap()
    return values


def det_fill(np, name, shape):
    """fill_values as a numpy array."""
    return np.frombuffer(fill_values(name, shape).tobytes(), dtype=np.float32).reshape(shape)


# MXNet's NDArray list: magic 0x112, reserved 0, the arrays (V2 records:
# magic, dense storage, rank, int64 extents, CPU context, dtype flag, data),
# then their names ("arg:" / "aux:" prefixed).
_LIST_MAGIC = 0x112
_V2_MAGIC = 0xF993FAC9
_DTYPE_FLAGS = {"float32": 0, "float64": 1, "float16": 2, "uint8": 3, "int32": 4,
                "int8": 5, "int64": 6}


def write_params(path, named_arrays):
    """Writes [(name, shape, dtype name, little-endian C-order bytes)] as a
    .params file."""
    with open(path, "wb") as f:
        f.write(struct.pack("<QQQ", _LIST_MAGIC, 0, len(named_arrays)))
        for _, shape, dtype, data in named_arrays:
            f.write(struct.pack("<Iii", _V2_MAGIC, 0, len(shape)))
            f.write(struct.pack(f"<{len(shape)}q", *shape))
            f.write(struct.pack("<iii", 1, 0, _DTYPE_FLAGS[dtype]))
            f.write(data)
        f.write(struct.pack("<Q", len(named_arrays)))
        for name, *_ in named_arrays:
            encoded = name.encode()
            f.write(struct.pack("<Q", len(encoded)))
            f.write(encoded)


def write_filled_params(meta, path):
    """The .params file of a model without weights (its golden meta.json):
    every argument other than the inputs, and every auxiliary state, with
    the deterministic fill."""
    arrays = []
    for name, shape in sorted(meta["arg_shapes"].items()):
        if name not in meta["inputs"] and not name.endswith("label"):
            arrays.append(("arg:" + name, shape, "float32",
                           fill_values(name, tuple(shape)).tobytes()))
    for name, shape in sorted(meta.get("aux_shapes", {}).items()):
        arrays.append(("aux:" + name, shape, "float32", fill_values(name, tuple(shape)).tobytes()))
    write_params(path, arrays)
    return len(arrays)
