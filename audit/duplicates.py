"""Near-duplicate posts: the MinHash signature of a text's word 3-shingles, LSH banding so
candidates are found without comparing all pairs, and the index of signed posts that keeps each
post's most similar earlier post (incrementally, and in one pass for `audit_rebuild`)."""

import hashlib
import random
import struct
from collections import defaultdict

from django.db.models import Q

from . import stamps
from .models import ActivityEvent, EventKind, MinHashBand

SHINGLE_WORDS = 3
NUM_PERM = 128
BANDS = 16
ROWS_PER_BAND = NUM_PERM // BANDS
_PRIME = (1 << 61) - 1
_rng = random.Random(20161116)  # fixed seed: signatures must be identical on every machine
_PERMS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM)]
# Similarities below this are not kept: the rubric's duplicate threshold cannot go lower.
DUPLICATE_FLOOR = 0.75


def _token_hash(token):
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def minhash(words):
    """128-permutation MinHash of the word 3-shingles; None when the text is too short."""
    words = [w.lower() for w in words]
    if len(words) < SHINGLE_WORDS:
        return None
    hashes = {
        _token_hash(" ".join(words[i : i + SHINGLE_WORDS]))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    values = [min([(a * x + b) % _PRIME for x in hashes]) for a, b in _PERMS]
    return struct.pack(f"<{NUM_PERM}Q", *values)


def unpack(signature):
    return struct.unpack(f"<{NUM_PERM}Q", bytes(signature))


def similarity(sig_a, sig_b):
    """Estimated Jaccard similarity of two signatures (share of equal minima)."""
    a, b = unpack(sig_a), unpack(sig_b)
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / NUM_PERM


def band_buckets(signature):
    """(band, bucket) pairs: 16 bands of 8 rows catch ≥ 0.8-similar texts with probability ≥ 0.95
    while texts under 0.5 rarely collide."""
    values = unpack(signature)
    result = []
    for band in range(BANDS):
        chunk = values[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(
            struct.pack(f"<B{ROWS_PER_BAND}Q", band, *chunk), digest_size=8
        ).digest()
        result.append((band, int.from_bytes(digest, "big", signed=True)))
    return result


# --- the candidate index -------------------------------------------------------------------


def _better(sim, original_key, current_sim, current_key):
    if current_sim is None:
        return True
    return sim > current_sim or (sim == current_sim and original_key < current_key)


def best_duplicates(posts):
    """posts: [(sort_key, page_id, signature)] sorted by time. For each post, the most similar
    earlier post (ties: the earliest) among LSH candidates → {index: (original index, sim)}."""
    index = defaultdict(list)
    result = {}
    for i, (key, page_id, signature) in enumerate(posts):
        buckets = band_buckets(signature)
        candidates = {j for bucket in buckets for j in index[bucket]}
        best = None
        for j in sorted(candidates):
            other_key, other_page, other_signature = posts[j]
            if other_page == page_id or other_key >= key:
                continue
            sim = similarity(signature, other_signature)
            if sim < DUPLICATE_FLOOR:
                continue
            if best is None or _better(sim, other_key, best[1], posts[best[0]][0]):
                best = (j, sim)
        if best is not None:
            result[i] = best
        for bucket in buckets:
            index[bucket].append(i)
    return result


def _candidates(event, buckets):
    """Posts of other pages sharing at least one LSH bucket with the event's signature."""
    match = Q()
    for band, bucket in buckets:
        match |= Q(band=band, bucket=bucket)
    candidate_ids = set(MinHashBand.objects.filter(match).values_list("event_id", flat=True))
    candidates = (
        ActivityEvent.objects.filter(pk__in=candidate_ids, kind=EventKind.POST)
        .exclude(page_id=event.page_id)
        .exclude(pk=event.pk)
        .select_related("duplicate_of")
        .only(
            "id",
            "school_id",
            "timestamp",
            "log_entry_id",
            "minhash",
            "duplicate_similarity",
            "duplicate_of__timestamp",
            "duplicate_of__log_entry_id",
        )
    )
    return sorted(candidates, key=lambda c: c.sort_key)


def _best_earlier(event, candidates):
    best = None
    for other in candidates:
        if other.sort_key >= event.sort_key:
            continue
        sim = similarity(event.minhash, other.minhash)
        if sim >= DUPLICATE_FLOOR and (
            best is None or _better(sim, other.sort_key, best[1], best[0].sort_key)
        ):
            best = (other, sim)
    return best


def _set_duplicate(event, best):
    original, sim = best if best else (None, None)
    ActivityEvent.objects.filter(pk=event.pk).update(
        duplicate_of=original, duplicate_similarity=sim
    )
    # Its school's flags changed without an event of its own.
    stamps.bump_schools([event.school_id])


def index_post(event):
    """A new post: find its earliest most similar earlier post, offer itself as the original of
    later ones (log rows may arrive out of order), and file its LSH buckets."""
    buckets = band_buckets(event.minhash)
    candidates = _candidates(event, buckets)
    for other in candidates:
        if other.sort_key <= event.sort_key:
            continue
        sim = similarity(event.minhash, other.minhash)
        current = other.duplicate_of.sort_key if other.duplicate_of_id else None
        if sim >= DUPLICATE_FLOOR and _better(
            sim, event.sort_key, other.duplicate_similarity, current
        ):
            _set_duplicate(other, (event, sim))
    _set_duplicate(event, _best_earlier(event, candidates))
    MinHashBand.objects.bulk_create(
        [MinHashBand(event=event, band=band, bucket=bucket) for band, bucket in buckets]
    )


def forget_posts(events):
    """Events that are no longer posts leave the duplicate index; posts that pointed at them
    look for their next best original."""
    ids = [e.pk for e in events]
    MinHashBand.objects.filter(event_id__in=ids).delete()
    ActivityEvent.objects.filter(pk__in=ids).update(duplicate_of=None, duplicate_similarity=None)
    for orphan in ActivityEvent.objects.filter(duplicate_of_id__in=ids):
        buckets = band_buckets(orphan.minhash)
        _set_duplicate(orphan, _best_earlier(orphan, _candidates(orphan, buckets)))
