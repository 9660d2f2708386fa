"""The torchvision side of TorchvisionRoundTripTest, run with Debian's python3-torch.

Usage: python3 torchvision_round_trip.py DIR
Reads DIR/ours.safetensors (an export) and DIR/input.safetensors (tensor "x"), loads the export into
torchvision.models.<architecture>() with fc = Identity (after the metadata's change_first, if any)
with strict=True, and writes its features of x to DIR/tv_of_ours.safetensors ("y"). Then builds a
torchvision-initialised model of the same kind, gives its batch norms non-trivial statistics, and
writes its state_dict to DIR/tv.safetensors and its features of x to DIR/tv_features.safetensors.
safetensors is read and written here by hand (an 8-byte little-endian header length, a JSON header,
raw little-endian tensors), so the python3-safetensors package is not needed.
"""
import json
import struct
import sys

import numpy as np
import torch
import torchvision

DTYPES = {"F32": np.float32, "I64": np.int64}
NAMES = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64"}


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    out = {}
    for name, e in header.items():
        b, end = e["data_offsets"]
        arr = np.frombuffer(data[b:end], dtype=np.dtype(DTYPES[e["dtype"]]).newbyteorder("<"))
        out[name] = torch.from_numpy(arr.reshape(e["shape"]).astype(DTYPES[e["dtype"]]))
    return out, meta


def write(path, tensors, meta=None):
    header, blobs, offset = {}, [], 0
    if meta:
        header["__metadata__"] = meta
    for name, t in tensors.items():
        a = np.ascontiguousarray(t.detach().cpu().numpy())
        blob = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": NAMES[a.dtype], "shape": list(a.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def torchvision_encoder(meta):
    model = getattr(torchvision.models, meta["torchvision.architecture"])()
    model.fc = torch.nn.Identity()
    if "torchvision.change_first" in meta:
        exec(meta["torchvision.change_first"], {"torch": torch, "model": model})
    return model


def main(d):
    torch.manual_seed(0)
    ours, meta = read(d + "/ours.safetensors")
    x = read(d + "/input.safetensors")[0]["x"]
    model = torchvision_encoder(meta)
    model.load_state_dict(ours, strict=True)
    model.eval()
    with torch.no_grad():
        write(d + "/tv_of_ours.safetensors", {"y": model(x)})
    fresh = torchvision_encoder(meta)
    for m in fresh.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.2, 0.2)
    fresh.eval()
    with torch.no_grad():
        write(d + "/tv_features.safetensors", {"y": fresh(x)})
    write(d + "/tv.safetensors", fresh.state_dict())


if __name__ == "__main__":
    main(sys.argv[1])
