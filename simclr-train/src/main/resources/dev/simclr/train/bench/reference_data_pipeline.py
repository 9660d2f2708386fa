"""The reference side of `simclr bench data`: torchvision's ImageFolder over the same files, each
image decoded by PIL and given two views by the SimCLR tutorial's transform (RandomResizedCrop with
scale (0.08, 1), horizontal flip, colour jitter (0.8, 0.8, 0.8, 0.2) applied with p 0.8, grayscale
with p 0.2, to tensor, ImageNet normalisation), batched by a DataLoader with worker processes.
Visits every image once in a shuffled order and prints one JSON line: wall time, CPU time of this
process and its workers, and their peak resident memory."""
import argparse
import json
import resource
import time

import torch
import torchvision
from torch.utils.data import DataLoader, Subset
from torchvision import transforms as T


class TwoViews:
    def __init__(self, view):
        self.view = view

    def __call__(self, image):
        return self.view(image), self.view(image)


def view_transform(size):
    jitter = T.ColorJitter(0.8, 0.8, 0.8, 0.2)
    return T.Compose([
        T.RandomResizedCrop(size, scale=(0.08, 1.0)),
        T.RandomHorizontalFlip(p=0.5),
        T.RandomApply([jitter], p=0.8),
        T.RandomGrayscale(p=0.2),
        T.ToTensor(),
        T.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ])


def cpu_seconds(who):
    u = resource.getrusage(who)
    return u.ru_utime + u.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    data = torchvision.datasets.ImageFolder(a.folder, transform=TwoViews(view_transform(a.size)))
    if a.limit and a.limit < len(data):
        data = Subset(data, range(a.limit))
    loader = DataLoader(data, batch_size=a.batch, shuffle=True, num_workers=a.workers, drop_last=True)
    cpu0 = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    images = 0
    for (v1, v2), _ in loader:
        images += v1.shape[0]
    seconds = time.perf_counter() - t0
    del loader  # the worker processes end here, so their CPU time and memory are counted as children
    cpu = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0
    print(json.dumps({
        "pipeline": "torchvision ImageFolder + DataLoader(num_workers=%d), tutorial transform" % a.workers,
        "torch": torch.__version__, "torchvision": torchvision.__version__,
        "images": images, "seconds": seconds, "cpu_seconds": cpu, "workers": a.workers,
        "peak_rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "peak_rss_largest_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
