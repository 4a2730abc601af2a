"""Vietnamese text folded for matching, declared once for search and every name filter.

Parents type without diacritics, in capitals, or with the older tone placement ("hoà" for
"hòa", "thuỷ" for "thủy"). Folding drops every tone and vowel mark, turns "đ" into "d" and
case-folds, so all those spellings become the same string ("thuc don" = "thực đơn" = "THỰC
ĐƠN"). Tone placement differs only in where the mark sits; without marks both are equal.
It lives on the lowest floor because tenants (school names) and page_types (search) both use it."""

import unicodedata
from functools import lru_cache

# Letters that NFD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
# Longest query we fold and match: a search box is not a document.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


@lru_cache(maxsize=512)
def fold_char(char):
    """The folded form of one character (usually one character, sometimes empty)."""
    decomposed = unicodedata.normalize("NFD", char.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text):
    """`text` without diacritics, case-folded: the form both sides of a match are compared in."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_with_offsets(text):
    """(folded, offsets): `offsets[i]` is the index in `text` of the character that produced
    `folded[i]`, so a match found in the folded text can be highlighted in the original."""
    folded = []
    offsets = []
    for index, char in enumerate(unicodedata.normalize("NFC", text or "")):
        for out in fold_char(char):
            folded.append(out)
            offsets.append(index)
    return "".join(folded), offsets


def query_terms(query):
    """The distinct folded words of a query (bounded in length and number)."""
    words = []
    for word in fold(query[:MAX_QUERY_LENGTH]).split():
        word = "".join(c for c in word if c.isalnum())
        if word and word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def matches_all(terms, text):
    """True when every folded term occurs in `text` (folded here)."""
    folded = fold(text)
    return all(term in folded for term in terms)
