"""The domain vocabulary: platforms, policy areas, actions, objects and share facets.

The lexicon holds genuine synonyms only ("banned" and "shut down" mean suspended, "X" is
Twitter, "ISIS" is terrorism). What can be asked about comes from the store: ``Vocabulary``
reads the platforms, metrics, policies and locations that figures actually carry, so a newly
ingested platform or metric is askable without code changes.

``describe(text)`` reads the same features out of a question and out of a stored metric, so
both sides are compared in one language.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable

from store.limits import QUOTED_SAMPLE, TEXT_CACHE
from store.scripts import CJK, EAST_ASIAN_RE, INDIC, INDIC_RE, RUNS_RE
from store.tries import trie_source

#: The policy of a figure not broken down by policy area (a total over every policy).
ALL_POLICIES = "all policies"

# canonical name -> aliases (lower case; matched as whole words; and as Arabic writes them)
PLATFORMS: dict[str, tuple[str, ...]] = {
    "Twitter": ("twitter", "x", "x.com", "x corp", "twitter/x", "tweeter", "تويتر", "ट्विटर", "ట్విట్టర్", "ట్విటర్"),
    "Facebook": ("facebook", "fb", "فيسبوك", "فيس بوك", "फेसबुक", "ఫేస్‌బుక్", "ఫేస్బుక్"),
    "Meta": ("meta", "meta platforms", "मेटा", "మెటా"),
    "Instagram": ("instagram", "insta", "ig", "इंस्टाग्राम", "ఇన్‌స్టాగ్రామ్", "ఇన్స్టాగ్రామ్", "إنستغرام", "انستغرام", "إنستجرام", "انستجرام"),
    "YouTube": ("youtube", "yt", "يوتيوب", "यूट्यूब", "యూట్యూబ్"),
    "Google": ("google", "غوغل", "جوجل", "गूगल", "గూగుల్"),
    "TikTok": ("tiktok", "tik tok", "تيك توك", "टिकटॉक", "టిక్‌టాక్"),
    "Discord": ("discord",),
    "Reddit": ("reddit",),
    "Microsoft": ("microsoft",),
    "LinkedIn": ("linkedin",),
    "Snapchat": ("snapchat", "snap", "स्नैपचैट", "స్నాప్‌చాట్"),
    "WhatsApp": ("whatsapp", "व्हाट्सएप", "व्हाट्सऐप", "वॉट्सऐप", "व्हॉट्सऐप", "వాట్సాప్", "واتساب", "واتس اب", "واتس آب"),
    "Telegram": ("telegram", "टेलीग्राम", "టెలిగ్రామ్", "تيليغرام", "تلغرام", "تيليجرام", "تليجرام"),
    "Twitch": ("twitch",),
    "Pinterest": ("pinterest",),
    "Threads": ("threads",),
    "Bing": ("bing",),
    "Tumblr": ("tumblr",),
    # more services that publish transparency reports (Microsoft reports Xbox's)
    "Xbox": ("xbox",),
    "PlayStation": ("playstation",),
    "Roblox": ("roblox",),
    "Quora": ("quora",),
    "Bluesky": ("bluesky",),
    "Mastodon": ("mastodon",),
    "Vimeo": ("vimeo",),
    "Dailymotion": ("dailymotion",),
    "Spotify": ("spotify",),
    "Wikipedia": ("wikipedia", "wikimedia"),
    "Weibo": ("weibo",),
    "Rumble": ("rumble",),
    "Pornhub": ("pornhub",),
    "OnlyFans": ("onlyfans",),
    "Nextdoor": ("nextdoor",),
    "Tinder": ("tinder",),
    "Skype": ("skype",),
    "GitHub": ("github",),
    # the EU's very large online platforms and search engines (DSA), and the largest social,
    # messaging, video, dating and gaming services outside them, with the names their own
    # languages write (a name in Chinese, Japanese or Korean script is found inside its words)
    "Apple": ("apple", "app store", "apple app store"),
    "Amazon": ("amazon", "amazon store"),
    "Google Play": ("google play", "play store"),
    "AliExpress": ("aliexpress",),
    "Booking.com": ("booking.com",),
    "Zalando": ("zalando",),
    "Shein": ("shein",),
    "Stripchat": ("stripchat",),
    "XVideos": ("xvideos",),
    "Viber": ("viber",),
    "WeChat": ("wechat", "weixin", "微信"),
    "QQ": ("qq",),
    "Kuaishou": ("kuaishou", "kwai", "快手"),
    "Bilibili": ("bilibili", "哔哩哔哩", "b站"),
    "Xiaohongshu": ("xiaohongshu", "rednote", "小红书"),
    "LINE": ("line corporation", "line corp", "line yahoo", "ly corporation"),
    "Koo": ("कू", "కూ"),  # (in Latin letters a common word: see CASED_PLATFORMS)
    "Kakao": ("kakao", "kakaotalk", "kakao talk", "카카오", "카카오톡"),
    "Naver": ("naver", "네이버"),
    "VK": ("vk", "vkontakte", "вконтакте"),
    "Odnoklassniki": ("odnoklassniki", "одноклассники"),
    "ShareChat": ("sharechat", "शेयरचैट"),
    "Yubo": ("yubo",),
    "Bumble": ("bumble",),
    "Match Group": ("match group",),
}

# services whose names are common words in lower case ("line", "koo", "hinge", "temu": Indonesian
# for "meet"): found only as they write themselves
CASED_PLATFORMS: dict[str, tuple[str, ...]] = {
    "LINE": ("LINE",), "Koo": ("Koo", "Koos"), "Hinge": ("Hinge",), "Temu": ("Temu",), "Kick": ("Kick",),
}
CASED_PLATFORM_RE = re.compile(r"(?<![\w@])(" + "|".join(w for ws in CASED_PLATFORMS.values() for w in ws) + r")(?![\w])")
_CASED_NAME = {w: name for name, ws in CASED_PLATFORMS.items() for w in ws}
# ... of which those that are no English word are found in a question however it is typed ("koo posts")
_TYPED_NAME = {w.lower(): name for name in ("Koo", "Temu") for w in CASED_PLATFORMS[name]}
TYPED_PLATFORM_RE = re.compile(r"(?<![\w@])(" + "|".join(_TYPED_NAME) + r")(?![\w])", re.IGNORECASE)


def cased_platforms(question: str) -> list[tuple[str, int, int]]:
    """The services whose names are common words, named in a question: as they write themselves
    ("LINE"), or however typed when the name is no English word ("koo")."""
    found = {m.start(): (_CASED_NAME[m.group(1)], m.start(), m.end()) for m in CASED_PLATFORM_RE.finditer(question)}
    found |= {m.start(): (_TYPED_NAME[m.group(1).lower()], m.start(), m.end()) for m in TYPED_PLATFORM_RE.finditer(question)}
    return sorted(found.values(), key=lambda f: f[1])


# A company and the services it reports on: a question about the company may be answered by a
# figure for one of its services, and a question about a service by the company's own figure
# ("Meta removed 1.3 billion fake accounts"), never by a sibling's (Instagram is not Facebook).
# One platform under two names: Twitter became X, and reports are stored under either.
RENAMED: dict[str, frozenset[str]] = {"Twitter": frozenset({"X"}), "Snapchat": frozenset({"Snap"})}
COMPANIES: dict[str, frozenset[str]] = {
    "Meta": frozenset({"Facebook", "Instagram", "WhatsApp", "Threads", "Messenger"}),
    "Google": frozenset({"YouTube", "Google Play"}),
    "Alphabet": frozenset({"Google", "YouTube", "Google Play"}),
    "Microsoft": frozenset({"LinkedIn", "Bing", "Xbox", "Skype", "GitHub"}),
}


@lru_cache(maxsize=1024)
def named_services(platforms: frozenset[str]) -> frozenset[str]:
    """The platforms a text is about: a company named beside one of its own services is that
    service's owner, not a platform of its own ("Meta removed ... on Instagram": Instagram)."""
    return frozenset(p for p in platforms if not (COMPANIES.get(p, frozenset()) & platforms))


@lru_cache(maxsize=1024)
def platform_family(platforms: frozenset[str]) -> frozenset[str]:
    """The platforms named, with their companies' services and their services' companies."""
    out = set(platforms)
    for name, others in RENAMED.items():
        if name in platforms or others & platforms:
            out |= others | {name}
    for company, services in COMPANIES.items():
        if company in platforms:
            out |= services
        if services & platforms:
            out.add(company)
    return frozenset(out)


# policy group -> aliases. A stored policy ("Dangerous Orgs: Terrorism") belongs to the group
# whose alias it contains; questions name groups.
POLICIES: dict[str, tuple[str, ...]] = {
    "terrorism": (
        "terrorism", "terrorist", "terrorists", "terror", "terror-related", "terrorism-related",
        "violent extremism", "violent extremist", "extremism", "extremist", "extremists",
        "isis", "isil", "islamic state", "daesh", "jihadist", "jihadists", "dangerous orgs",
        "dangerous organizations", "dangerous organisations", "promotion of terrorism",
        "terrorisme", "terrorismus", "terrorismo", "apologie du terrorisme",
    ),
    "hate speech": ("hate speech", "hateful conduct", "hate", "hateful", "organized hate", "organised hate",
                    "discours haineux", "discours de haine", "hassrede", "hassreden", "discurso de odio",
                    "discurso de ódio"),
    "harassment": ("harassment", "bullying", "abuse", "abusive",
                   "harcèlement", "belästigung", "mobbing", "acoso", "assédio", "bullying"),
    "spam": ("spam", "spammy", "fake accounts", "platform manipulation", "bots", "faux comptes",
             "gefälschte konten", "fake-konten", "cuentas falsas", "contas falsas", "akun palsu"),
    "child safety": ("child safety", "child sexual", "csam", "child exploitation", "child endangerment", "minor safety", "under the age of 13", "underage",
                     "child pornography", "child porn", "child-porn", "child abuse",
                     "sécurité des mineurs", "protection des enfants", "schutz von kindern", "kinderschutz",
                     "seguridad menor", "seguridad de menores", "seguridad infantil", "segurança infantil",
                     "segurança de menores"),
    "nudity": ("nudity", "adult nudity", "sexual activity", "sexually explicit", "porn", "pornography", "sexual content",
               "nudité", "nacktheit", "sexuellen inhalten", "desnudos", "desnudez", "nudez", "actividades sexuales",
               "atividades sexuais"),
    "violence": ("violent and graphic", "graphic violence", "violence", "violent content", "gore",
                 "gewalt", "gewaltverherrlichenden", "violencia", "violência"),
    "self-harm": ("self-harm", "suicide", "self injury", "automutilation", "selbstverletzung", "suicidio", "suicídio"),
    "misinformation": ("misinformation", "disinformation", "fake news", "integrity and authenticity",
                       "désinformation", "fausses informations", "desinformation", "falschinformationen",
                       "desinformación", "información falsa", "desinformação", "informação falsa", "disinformasi",
                       "disinformazione"),
    "copyright": ("copyright", "dmca", "intellectual property"),
    "trademark": ("trademark", "trademarks", "trade mark", "trade marks"),  # a category of its own beside copyright in every report
    "impersonation": ("impersonation",),
    "drugs": ("drugs", "regulated goods", "firearms", "illegal activities",
              "activités illégales", "illegale aktivitäten", "actividades ilegales", "atividades ilegais"),
    "privacy": ("privacy", "privacy and security", "doxxing", "private information"),
    "defamation": ("defamation",),
}

# action family -> words. Questions and metrics are compared by family.
ACTIONS: dict[str, tuple[str, ...]] = {
    "suspended": (
        "suspended", "suspend", "suspends", "suspending", "suspension", "suspensions",
        "banned", "ban", "bans", "banning", "shut down", "shuts down", "shutting down", "shutdown",
        "shutdowns", "shuttered", "shutter", "taken down", "take down", "takes down", "took down",
        "takedown", "takedowns", "removed", "remove", "removes", "removal", "removals", "removing",
        "deleted", "delete", "deletes", "deleting", "deletion", "deletions", "booted", "boot",
        "kicked off", "kick off", "kicked", "terminated", "terminate", "termination", "closed",
        "purged", "purge", "axed", "nuked", "got rid of", "disabled", "deactivated", "eliminated",
        "pulled", "blocked",
        # French, German, Spanish, Portuguese (and Indonesian below)
        "supprimé", "supprimés", "supprimées", "supprimer", "suppression", "suspendus", "suspendu",
        "fermés", "fermé", "bloqué", "bloqués", "retiré", "retirés", "retirées",
        "gelöscht", "löscht", "löschte", "löschen", "löschungen", "entfernt", "entfernte", "gesperrt", "sperrte",
        "eliminado", "eliminados", "eliminadas", "eliminó", "eliminaron", "retiró", "retirado", "retirados",
        "suspendidas", "suspendidos", "borrados", "removidos", "removidas", "removeu", "remoções", "apagou",
        "apagados", "excluídos", "suspensas",
        # Indonesian
        "dihapus", "menghapus", "diblokir", "memblokir", "ditangguhkan", "menangguhkan",
    ),
    "actioned": ("actioned", "action", "took action", "acted on", "enforcement", "enforced",
                 # French, German, Spanish, Portuguese, Indonesian (as for every family below)
                 "mesures prises", "pris des mesures", "maßnahmen ergriffen", "vorgegangen", "tomó medidas",
                 "medidas tomadas", "tomou medidas", "ações tomadas", "mengambil tindakan"),
    "appealed": ("appealed", "appeal", "appeals",
                 "contesté", "contestés", "contestées", "recours", "einspruch", "einsprüche", "beschwerde eingelegt",
                 "apelación", "apelaciones", "apelados", "contestados", "contestadas", "banding"),
    "restored": ("restored", "restore", "reinstated", "reinstate",
                 "rétabli", "rétablis", "rétablies", "restauré", "restaurés", "wiederhergestellt", "restablecido",
                 "restablecidos", "restaurados", "restabelecido", "restabelecidos", "restabelecemos", "restaurados",
                 "dipulihkan"),
    "warned": ("warned", "warn", "warns", "warning", "warnings",
               "avertissement", "avertissements", "verwarnt", "warnung", "warnungen", "advertencia", "advertencias",
               "advertência", "advertências", "peringatan"),
    "requested": ("requested", "requests", "request", "asked", "demands",
                  "demandes", "anfragen", "ersuchen", "solicitudes", "peticiones", "solicitações", "pedidos", "permintaan"),
    "viewed": ("viewed", "views", "prevalence",
               "vues", "aufrufe", "visualizaciones", "visualizações", "dilihat"),
    "active": ("active", "daily actives", "monthly actives", "weekly active", "weekly actives", "mau", "maus", "dau", "daus", "monthly active", "daily active", "registered", "signed up", "joined",
               "actifs", "aktive", "aktiv", "activos", "ativos", "aktif"),
}
# actions measured as a share, never a count: prevalence is the share of views that saw violating content
RATE_ACTIONS = frozenset({"viewed"})
# what a platform counts of its users, not of what it enforced: a question naming no action asks for
# what was enforced first
AUDIENCE_ACTIONS = frozenset({"active"})
# what is done after an enforcement, to it: a question that does not name them asks for the enforcement
AFTER_ACTIONS = frozenset({"appealed", "restored"})

# object family -> words
OBJECTS: dict[str, tuple[str, ...]] = {
    "accounts": ("accounts", "account", "profiles", "profile", "users", "user", "handles", "handle",
                 "comptes", "compte", "konten", "konto", "cuentas", "cuenta", "contas", "conta",
                 "utilisateurs", "nutzer", "nutzerkonten", "usuarios", "usuários", "akun", "pengguna"),
    "content": (
        "content", "posts", "post", "tweets", "tweet", "pieces of content", "videos", "video",
        "images", "photos", "comments", "messages", "items", "pieces",
        "vidéos", "vídeos", "kommentare", "commentaires", "comentarios", "comentários", "contenus",
        "inhalte", "contenidos", "conteúdos", "beiträge", "publicaciones", "publicações",
    ),
    "servers": ("servers", "server", "guilds"),
    "channels": ("channels", "channel", "pages", "groups", "subreddits", "communities",
                 "chaînes", "kanäle", "canales", "canais"),
    "reports": ("reports", "reports received", "complaints", "flags", "tickets",
                "signalements", "meldungen", "beschwerden", "denuncias", "reportes", "denúncias", "relatos", "laporan"),
}


# kinds of content a count may count, each unlike the others (posts and content are any of them)
MEDIA_RE = re.compile(r"\b(?:(?P<video>vid(?:eo)?s?|clips?|vídeos?|vidéos?)|(?P<comment>comments?|commentaires?|kommentare?|comentarios?|comentários?)"
                      r"|(?P<image>images?|photos?|pictures?|imagens?|imágenes|bilder)|(?P<ad>ads|adverts?|advertisements?|anuncios|annonces|anzeigen|anúncios)"
                      r"|(?P<message>messages?|dms|mensajes|mensagens|nachrichten))\b", re.IGNORECASE)


def media_in(text: str) -> frozenset[str]:
    """The kinds of content a text names ("yt comment removals": comment; "9 million videos": video)."""
    return frozenset(m.lastgroup for m in MEDIA_RE.finditer(text))


def _also(table: dict[str, tuple[str, ...]], said: dict[str, tuple[str, ...]]) -> None:
    """More words for families of ``table`` (another language's)."""
    for family, words in said.items():
        table[family] += words


# Marathi, in which Snap, WhatsApp and others publish their monthly India reports (IT Rules,
# 2021): the same families, in Devanagari
_also(POLICIES, {"hate speech": ("द्वेषयुक्त भाषण",), "impersonation": ("तोतयागिरी",), "spam": ("स्पॅम",),
                 "harassment": ("छळवणूक", "दमदाटी"), "terrorism": ("दहशतवाद",), "nudity": ("लैंगिकदृष्ट्या सुस्पष्ट",),
                 "violence": ("हिंसा",), "drugs": ("विनियमित वस्तू",)})
_also(ACTIONS, {"actioned": ("अंमलात आणला", "अंमलात आणलेला", "अंमलात आणलेली", "अंमलात आणलेले"),
                "suspended": ("हटवणे", "हटविणे")})
_also(OBJECTS, {"content": ("मजकूर",), "accounts": ("खाते", "खाती"), "reports": ("अहवाल",)})

# what a count is stated in: the noun, as a unit ("5,887,021 videos")
UNIT_NOUNS: dict[str, str] = {
    "account": "accounts", "accounts": "accounts", "profile": "accounts", "profiles": "accounts",
    "user": "accounts", "users": "accounts", "handle": "accounts", "handles": "accounts",
    "content": "pieces of content", "pieces of content": "pieces of content", "pieces": "pieces of content",
    "post": "posts", "posts": "posts", "tweet": "tweets", "tweets": "tweets", "video": "videos",
    "videos": "videos", "images": "images", "photos": "images", "comments": "comments",
    "messages": "messages", "items": "items", "server": "servers", "servers": "servers",
    "guilds": "servers", "channel": "channels", "channels": "channels", "pages": "pages",
    "groups": "groups", "subreddits": "subreddits", "communities": "communities",
    "reports": "reports", "complaints": "complaints", "flags": "flags", "tickets": "tickets",
    "comptes": "accounts", "compte": "accounts", "konten": "accounts", "konto": "accounts",
    "cuentas": "accounts", "cuenta": "accounts", "contas": "accounts", "conta": "accounts",
    "vidéos": "videos", "vídeos": "videos", "kommentare": "comments", "commentaires": "comments",
    "comentarios": "comments", "comentários": "comments", "chaînes": "channels", "kanäle": "channels",
    "canales": "channels", "canais": "channels", "utilisateurs": "accounts", "nutzer": "accounts",
    "nutzerkonten": "accounts", "usuarios": "accounts", "usuários": "accounts", "akun": "accounts",
    "pengguna": "accounts", "signalements": "reports", "meldungen": "reports", "beschwerden": "complaints",
    "denuncias": "reports", "reportes": "reports", "denúncias": "reports", "relatos": "reports", "laporan": "reports",
}


def unit_for(noun: str) -> str:
    return UNIT_NOUNS.get(" ".join(noun.lower().split()), noun.lower())


# share facet -> phrases. A share ("93 percent of the accounts suspended ...") is of a subset
# described by its facet.
FACETS: dict[str, tuple[str, ...]] = {
    "flagged by internal tools": (
        "before users reported", "before anyone reported", "before users flagged",
        "before it was reported", "before being reported", "automated systems", "automated detection",
        "internal tools", "internal tool", "internal-tool", "internal-tools", "internally flagged",
        "flagging", "flagged", "proprietary tools", "automated tools", "automation",
        "automated", "automatically", "own tools", "in-house tools", "proactively", "proactive", "flagged by tools",
        "flagged internally", "detected internally", "technology",
        # ... and in the lexicon's other languages
        "proactivement", "automatiquement", "proaktiv", "automatisch", "proactivamente", "automáticamente",
        "proativamente", "automaticamente", "proattivamente", "secara proaktif", "otomatis",
    ),
    "before their first tweet": (
        "before their first tweet", "before its first tweet", "before they tweeted",
        "before tweeting", "before posting", "before their first post", "first tweet",
        "before they could tweet", "before ever tweeting", "before they ever tweeted",
        "ever tweeted", "before they had tweeted", "before tweeting once", "never tweeted",
        "without tweeting", "before sending a tweet", "before their first post",
    ),
    "reported by governments": (
        "governments reported", "government reported", "reported by governments",
        "reported by government", "government reports", "governments report", "government report",
        "government-reported",
        "state actors",
    ),
    "reported by users": ("reported by users", "user reports", "users reported", "users report",
                          "user reported", "flagged by users", "users flagged", "user flags",
                          "signalés par les utilisateurs", "signalements des utilisateurs", "von nutzern gemeldet",
                          "nutzermeldungen", "denunciados por los usuarios", "denuncias de usuarios",
                          "denunciados pelos usuários", "denúncias de usuários", "dilaporkan oleh pengguna",
                          "laporan pengguna"),
}

CHANGE_WORDS = (
    "change", "changed", "decrease", "decreased", "decline", "declined", "drop", "dropped",
    "fall", "fell", "increase", "increased", "rise", "rose", "grew", "growth", "compared",
    "fewer than before", "down", "reduction", "jump", "year over year", "vs", "versus",
    "more or fewer", "more or less than", "fewer or more", "than before", "percent change",
    "percentage change", "trend", "went down", "went up", "go down", "go up", "shrink", "shrank",
    "grow", "grows", "climb", "climbed", "surge", "surged", "fallen", "risen", "grown", "decreases", "increases",
    "declines", "drops", "falls", "rises", "plunged", "plummeted", "soared",
    # "how many percent more accounts ... than": a change, not a share
    "percent more", "percent fewer", "percent less", "percent higher", "percent lower",
    "per cent more", "per cent fewer", "per cent less", "% more", "% fewer", "% less", "% higher", "% lower",
    # "how much lower were X in October than in September (in percent)": a change, however it is measured
    "how much lower", "how much higher", "how much more", "how much less", "how much fewer",
    "how much bigger", "how much smaller", "how much larger",
)
PERCENT_WORDS = (
    "share", "percent", "percentage", "proportion", "fraction", "rate", "what part",
    "how much of", "portion", "%", "ratio",
)
COUNT_WORDS = ("how many", "number of", "count", "counted", "total", "tally", "tallied", "cumulative", "combined", "altogether", "in all")
# rates and averages over time: no stored figure is one unless its metric says so
AVERAGE_WORDS = tuple(f"{each} {unit}" for each in ("per", "a", "every", "each") for unit in ("hour", "day", "week", "month")) \
    + ("per year", "daily", "weekly", "monthly", "hourly", "average", "avg", "mean", "median", "on average")
# the unit of time a rate is per: "per day", "each month", "weekly", and as the lexicon's other
# languages say it ("par mois", "pro Tag", "por día", "al mese", "bulanan")
PER_RE = re.compile(r"\b(?:(?:per|a|an|every|each)\s+(hour|day|week|month|year)|(hour|dai|week|month|year)ly)\b", re.IGNORECASE)
_PER_UNITS = {"day": ("par jour", "pro tag", "täglich", "täglichen", "por día", "por dia", "al giorno", "per hari", "harian",
                      "quotidiens", "diarios", "diários"),
              "month": ("par mois", "pro monat", "monatlich", "monatlichen", "por mes", "por mês", "al mese", "per bulan",
                        "bulanan", "mensuels", "mensuales", "mensais", "mensili")}
_FOREIGN_PER_RE = re.compile(r"(?<!\w)(?:" + "|".join(w for ws in _PER_UNITS.values() for w in ws) + r")(?!\w)", re.IGNORECASE)
_FOREIGN_PER = {w: unit for unit, ws in _PER_UNITS.items() for w in ws}


def family_words(name: str) -> tuple[str, ...]:
    """The words and phrases the lexicon lists for a family, by its name ("suspended", "spam")."""
    return tuple(w for table in (ACTIONS, OBJECTS, FACETS, POLICIES, PLATFORMS) for w in table.get(name, ()))


@lru_cache(maxsize=TEXT_CACHE)
def per_units(text: str) -> frozenset[str]:
    """The units of time the rates a text names are per ("per day", "each month"): day, month..."""
    return frozenset((m.group(1) or m.group(2)).lower().replace("dai", "day") for m in PER_RE.finditer(text)) \
        | {_FOREIGN_PER[m.group().lower()] for m in _FOREIGN_PER_RE.finditer(text)}


# "how many" before what it counts asks for a count, whatever happened around it ("how many videos went
# down along with the channels", "how many enforcements fell in the 'other' bucket", "by how many accounts
# did removals increase"); not "how many more", "how many times", "how many percent"
HOW_MANY_THINGS_RE = re.compile(r"\bhow\s+many\s+(?!more\b|fewer\b|less\b|times\b|x\b|fold\b|percent|per\s+cent|percentage|points?\b)[^\W\d_]",
                                re.IGNORECASE)
NOT_ASKED_CHANGE_RE = re.compile(
    r"\b(?:fall|falls|fell|fallen|falling)\s+(?:into|under|within)\b"
    # "fell from 0.06% to what": the level it came to, not the change
    r"|\b[^\W\d_]+\s+from\s+[0-9][0-9.,]*\s*(?:%|percent|per\s+cent|(?:million|billion|thousand)\b)?\s+to\s+"
    r"(?:what|which|how\s+(?:much|many))\b"
    r"|\b(?:before|after|when|where|while|once|in\s+which|during\s+which)\s+(?:it|they|the|its|their|this|that|these|those)\b[^,;?()]*",
    re.IGNORECASE)


def _phrase_re(phrases, not_after: str = "") -> re.Pattern:
    """One regex for the phrases, the longest that matches first; words of a phrase are parted
    by spaces or a hyphen ("child safety", "child-safety"). A phrase negated by "non" is none of
    it ("266,075 non-spam accounts"); ``not_after``: lookbehinds for the words it may not follow
    either. The phrases are laid out as a trie (shared beginnings written once): thousands of
    them, in eight languages, match as fast as a few hundred listed one by one."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for i, word in enumerate(_words(p)):
            russian = RUSSIAN_WORD_RE.fullmatch(word)  # Russian declines every word: its stem, then any case ending
            tokens = ([_SEPARATOR] if i else []) + [re.escape(ch) for ch in _russian_stem(word)]
            tokens += [_RUSSIAN_ENDING] if russian else [_TURKISH_ENDING] if word in TURKISH_WORDS else []
            for token in tokens + ([_INFLECTION] if GERMAN_PARTICIPLE_RE.fullmatch(word) else []):
                node = node.setdefault(token, {})
        node[""] = {}  # a phrase ends here
    return re.compile(r"(?<![\w@])(?<!\bnon-)(?<!\bnon )" + not_after + "(?:" + trie_source(trie) + r")(?![\w])",
                      re.IGNORECASE)


_SEPARATOR = r"[\s-]+"
_INFLECTION = "(?:e[nrsm]?)?"  # a German participle as an adjective: "gelöscht", "die gelöschten Videos"
# a Russian word of five letters or more, and the endings of its cases: "детская порнография" is said
# "детской порнографией", "сексуальное насилие над детьми" "сексуального насилия над детьми"
RUSSIAN_WORD_RE = re.compile(r"[а-яё]{5,}")
_RUSSIAN_ENDING = "[а-яё]{0,3}"


# ... and Turkish glues its case endings to a word, after an apostrophe for a name: "kaldırılması" (its
# removal) is "kaldırılmasını", "paylaşım" (post) "paylaşımın"; a word only Turkish lists (TURKISH_WORDS,
# read with the lexicon's languages below) takes up to four letters more
_TURKISH_ENDING = "(?:['’]?[a-zçğıöşü]{1,4})?"


def _russian_stem(word: str) -> str:
    return word.rstrip("аеёиоуыэюяйь") if RUSSIAN_WORD_RE.fullmatch(word) else word


GERMAN_PARTICIPLE_RE = re.compile(r"(?:ge|ent|ver)\w+t")
INFLECTED_RE = re.compile(r"((?:ge|ent|ver)\w+t)e[nrsm]?")


def _words(phrase: str) -> list[str]:
    # (lower case as the regexes match it: Turkish "VİDEO" is "video", not "vi̇deo" with a combining dot)
    return re.split(r"[\s-]+", phrase.lower().replace("\u0307", "").strip())


class Table:
    """A family table compiled to one regex: each match is looked up to its family. ``shapes``
    are families said in a shape rather than fixed words (a regex each). The words of the
    languages added last (``LATER_LANGUAGES``) are compiled apart, the first time a text may hold
    them: most texts (an English question) never need them, and compiling thousands of phrases
    costs a command line's start-up a fifth of a second."""

    def __init__(self, table: dict[str, tuple[str, ...]], shapes: dict[str, re.Pattern] | None = None) -> None:
        self.family = {}
        for name, words in table.items():
            for w in words:
                self.family.setdefault(" ".join(_words(w)), name)
        for phrase, name in list(self.family.items()):
            # a phrase's last noun used as an adjective, in the singular: "fake account deletions"
            if " " in phrase and phrase.endswith("s") and not phrase.endswith("ss") and len(phrase.rsplit(" ", 1)[1]) > 3:
                self.family.setdefault(phrase[:-1], name)
        later = _LATER_PHRASES & self.family.keys()
        # ... but for phrases all of whose words the first languages have too ("post", "tweet")
        core = {v for p in self.family if p not in later for w in p.split(" ") for v in (w, w + "s", w.removesuffix("s"))}
        later = {p for p in later if not set(p.split(" ")) <= core}
        # a phrase in a script that does not part its words with spaces (Chinese, Japanese) or glues
        # its particles to them (Korean: "게시물을") is found inside words
        self._unspaced = sorted((p for p in self.family if EAST_ASIAN_RE.search(p)), key=len, reverse=True)
        self._later = [p for p in self.family if p in later and not EAST_ASIAN_RE.search(p)]
        self.regex = _phrase_re([p for p in self.family if p not in later and not EAST_ASIAN_RE.search(p)])
        # the longest word of each later phrase that the first languages do not have ("nep accounts":
        # "nep"): a text with none of them holds none of those phrases
        keys = {max([w for w in p.split(" ") if w not in core], key=len) for p in self._later}
        keys = {_russian_stem(k) for k in keys}  # (a Russian word is found by its stem: see _phrase_re)
        self.later_key = frozenset(keys | {k.replace("ı", "i") for k in keys})

        self.dotless = {p.replace("ı", "i"): name for p, name in self.family.items() if "ı" in p}
        self.glued = {p.replace(" ", ""): self.family[p] for p in self._unspaced}
        self.shapes = shapes or {}

    @cached_property
    def declined(self) -> list[tuple[re.Pattern, str]]:
        """Each Russian or Turkish phrase's own regex, to tell which one a match with case endings is
        ("детской порнографией", "kaldırılmasını")."""
        return [(_phrase_re([p]), name) for p, name in self.family.items()
                if any(RUSSIAN_WORD_RE.fullmatch(w) or w in TURKISH_WORDS for w in _words(p))]

    @cached_property
    def later(self) -> re.Pattern | None:
        return _phrase_re(self._later) if self._later else None

    @cached_property
    def unspaced(self) -> re.Pattern | None:
        return re.compile("|".join(re.escape(p).replace("\\ ", r"\s*") for p in self._unspaced)) if self._unspaced else None

    def _family_of(self, matched: str) -> str:
        words = _words(matched)
        return self.family.get(" ".join(words)) \
            or self.family.get(" ".join(m.group(1) if (m := INFLECTED_RE.fullmatch(w)) else w for w in words)) \
            or self.dotless.get(" ".join(words).replace("ı", "i")) \
            or next(name for rx, name in self.declined if rx.fullmatch(matched))  # Turkish "KALDIRILDI" matches "kaldırıldı"; cases

    def _may_hold_later(self, text: str) -> bool:
        """Does a text have the longest word of a phrase of the later languages (or the word with an
        inflection's ending or two, "geschorste": "geschorst")?"""
        words = set(_WORD_TOKEN_RE.findall(text.lower().replace("\u0307", "")))  # (Turkish "VİDEO": "video")
        if not text.isascii():
            words |= {w for word in words for w in re.split(r"['’]", word)}
            words |= {w[: len(w) - n] for w in words if RUSSIAN_WORD_RE.fullmatch(w) for n in (1, 2, 3)}  # its case endings
        return not self.later_key.isdisjoint(words | {w[:-n] for w in words if len(w) > 5 for n in (1, 2, 3, 4)})

    def finditer(self, text: str):
        found = [(self._family_of(m.group()), m.start(), m.end()) for m in self.regex.finditer(text)]
        for name, rx in self.shapes.items():
            found += [(name, m.start(), m.end()) for m in rx.finditer(text)]
        more = bool(self._later) and self._may_hold_later(text)
        if more:  # (a later phrase overlapping one found already is not read twice)
            taken = [(a, b) for _, a, b in found]
            found += [(self._family_of(m.group()), m.start(), m.end()) for m in self.later.finditer(text)
                      if not any(a < m.end() and m.start() < b for a, b in taken)]
        glued = bool(self._unspaced) and not text.isascii() and EAST_ASIAN_RE.search(text)
        if glued:
            found += [(self.glued[re.sub(r"\s+", "", m.group())], m.start(), m.end()) for m in self.unspaced.finditer(text)]
        if self.shapes or glued or more:
            found.sort(key=lambda f: (f[1], f[1] - f[2]))
        yield from found


_WORD_TOKEN_RE = re.compile(r"[^\s\d.,;:!?()\[\]{}\"“”«»/|]+")  # (a word with its marks: Hindi "पोस्ट")


# the languages added to the lexicon last: their words are compiled apart, when first needed (Table)
LATER_LANGUAGES = frozenset({"nl", "tr", "ru", "pl", "ja", "ko", "zh", "vi", "hi",
                             "da", "no", "sv", "fi", "cs", "sk", "ro", "el", "uk", "hu", "he", "ur", "bn", "ta"})


def _translated() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The families in the other languages documents are written in (store/lexicon_languages.json:
    French, German, Spanish, Portuguese, Italian, Indonesian, Filipino, Arabic, and the later
    ones); returns the words added, which are read in documents but are never what a question's
    typo is corrected to; of them those only the later languages use; and the words of five letters
    or more only Turkish uses, read with their case endings (``_phrase_re``)."""
    said = json.loads(Path(__file__).with_name("lexicon_languages.json").read_text(encoding="utf-8"))
    added: set[str] = set()
    first: set[str] = set()
    turkish: set[str] = set()
    for table, name in ((POLICIES, "POLICIES"), (ACTIONS, "ACTIONS"), (OBJECTS, "OBJECTS"), (FACETS, "FACETS")):
        for family, languages in said[name].items():
            known = set(table[family])  # (a set: the lists are long, and each word is looked up)
            new = tuple(dict.fromkeys(w for words in languages.values() for w in words if w not in known))
            first.update(w for lang, words in languages.items() if lang not in LATER_LANGUAGES for w in words)
            first.update(table[family])
            turkish.update(w for phrase in languages.get("tr", ()) for w in _words(phrase) if len(w) >= 5)
            _also(table, {family: new})
            added.update(new)
    return frozenset(added), frozenset(added - first), frozenset(turkish - {w for p in first for w in _words(p)})


TRANSLATED, LATER_WORDS, TURKISH_WORDS = _translated()
# the later languages' phrases as the tables key them, and their singulars (Table): made once
_LATER_PHRASES = {" ".join(_words(w)) for w in LATER_WORDS}
_LATER_PHRASES |= {p[:-1] for p in _LATER_PHRASES}

PLATFORM_RES = Table(PLATFORMS)
POLICY_RES = Table(POLICIES)
ACTION_RES = Table(ACTIONS)
OBJECT_RES = Table(OBJECTS)
# "removed before a user reported them", "before anyone could flag it", "before being reported":
# found before any report, so by the platform itself (a subject or an auxiliary is needed:
# "before the report" is no such thing)
BEFORE_REPORT_RE = re.compile(
    r"\bbefore\s+(?:(?:(?:a|an|any|one|a\s+single)\s+)?(?:users?|anyone|someone|people|person|viewers?|they|it)\s+"
    r"(?:(?:could|had|was|were|ever|been|being|did|even)\s+){0,2}|(?:(?:could|had|was|were|ever|been|being|did|even)\s+){1,2})"
    r"(?:reported|flagged|report|flag|reports|flags)\b"
    # ... and as the lexicon's other languages say it: "antes de que los usuarios lo denunciaran", "avant
    # qu'un utilisateur ne le signale", "bevor Nutzer sie meldeten", "prima che gli utenti le segnalassero"
    r"|\bantes\s+(?:de\s+)?(?:que\s+)?(?:(?:los|las|os|as|un|uma|una|algún|algum)\s+)?(?:usuari[oa]s?|usuári[oa]s?|utilizadores?|nadie|ninguém)\s+"
    r"(?:(?:lo|la|los|las|o|a|os|as|le|les)\s+)?(?:denunci|report|sinaliz|marc)\w*"
    r"|\bavant\s+(?:qu['’]\s*|que\s+)(?:(?:un|une|des|ils?|elles?|on|les)\s*)?(?:(?:utilisateurs?|internautes?)\s+)?(?:(?:ne|n['’]|les?|la|l['’])\s*){0,3}signal\w*"
    r"|\bbevor\s+(?:(?:sie|es|ein|eine|die|der|nutzer\w*|user\w*)\s+){1,3}(?:gemeldet|meldete\w*|melde\w*)"
    r"|\bprima\s+che\s+(?:(?:gli|un|una)\s+)?(?:utent[ie])\s+(?:(?:li|le|lo|la)\s+)?segnal\w*"
    r"|\bsebelum\s+(?:ada\s+)?(?:pengguna|orang)\s+(?:yang\s+)?melaporkan\w*", re.IGNORECASE)
# ... and its counterpart: "232K posts were removed after being reported", "after users flagged them"
AFTER_REPORT_RE = re.compile(
    r"\bafter\s+(?:(?:being|they\s+were|it\s+was|having\s+been)\s+|(?:users?|people|someone|members?)\s+)"
    r"(?:reported|flagged)\b", re.IGNORECASE)
FACET_RES = Table(FACETS, {"flagged by internal tools": BEFORE_REPORT_RE, "reported by users": AFTER_REPORT_RE})
# "down 8.4%" is a change; "taken down", "came down", "shut down" are removals
_REMOVED_DOWN = "".join(rf"(?<!{w}\s)" for w in "came come comes coming taken take takes took taking shut shuts brought "
                        "pulled pull cracked crack clamped clamp knocked knock".split())
CHANGE_RE = _phrase_re(CHANGE_WORDS, not_after=_REMOVED_DOWN)
# a multiple of another number: "how many times more", "by what factor", "how many-fold", "twice"
MULTIPLE_WORDS = ("times", "fold", "factor", "multiple", "twice", "doubled", "tripled", "quadrupled")
MULTIPLE_RE = re.compile(
    r"\b(?:how\s+many[-\s]?(?:fold|times\s+(?:more|less|fewer|larger|higher|bigger|greater|as|the|over))"
    r"|how\s+many\s+x(?=\s*(?:[?.,;!)]|$))|(?:by\s+)?what\s+(?:factor|multiple)|[a-z0-9.]+[-\s]?fold"
    r"|times\s+(?:more|larger|higher|bigger|greater|as\s+many|as\s+much|the\s+number|over)"
    r"|twice|doubled|tripled|quadrupled)\b", re.IGNORECASE)
AVERAGE_RE = _phrase_re(AVERAGE_WORDS, not_after=r"(?<!within\s)")  # ("within a day" is how soon, no rate)
PERCENT_RE = _phrase_re(PERCENT_WORDS)
PREVALENCE_RE = re.compile(r"\bprevalence\b", re.IGNORECASE)
NOT_KIND_RE = re.compile(r"\bnot\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:%|percent(?:age)?|share|rate|proportion|count|number|total)(?![\w])", re.IGNORECASE)
COUNT_RE = _phrase_re(COUNT_WORDS + ("the number", "(count", "a count", "the count", "count,"))
# "Twitterhas", "Appleand": a platform name glued to the next word still names the platform.
GLUED_PLATFORM_RE = re.compile(r"\b(" + "|".join(p for p in PLATFORMS if len(p) > 4) + r")(?=[a-z]{2,}\b)"
                               # ... or to the word before it: "whileInstagram"
                               r"|(?<=[a-z]{2})(" + "|".join(p for p in PLATFORMS if len(p) > 4) + r")\b")


def find_all(table: Table, text: str) -> list[tuple[str, int, int]]:
    """(family, start, end) for every phrase of the table, left to right, longest first."""
    return list(table.finditer(text))


def url_host(url: str | None) -> str:
    """A web address's host, without its scheme or "www." ("game-news24.com", "snap.com")."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url or "").split("/", 1)[0]


# Chinese and Japanese write a Latin name glued to the words around it ("TikTokは")
_CJK_GLUE_RE = re.compile(rf"(?<=[A-Za-z])(?=[{CJK}])|(?<=[{CJK}])(?=[A-Za-z])")


# "and" between two names: "फेसबुक और इंस्टाग्राम" (Facebook and Instagram), "Facebook, Instagram"
JOINED_NAMES_RE = re.compile(r"\s*(?:,|&|and|और|एवं|तथा|व|మరియు|및|と|や|、|和|及)\s*", re.IGNORECASE)


def _platform_mentions(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Where a text names platforms, and which: (start, end, name), the lexicon's names first, then
    ones glued to a word ("Twitterhas") and ones written as they write themselves ("LINE"); with the
    text they were found in (a Latin name glued to Chinese or Japanese is spaced from it first)."""
    if not text.isascii():
        text = _CJK_GLUE_RE.sub(" ", text)
    found = [(s, e, name) for name, s, e in find_all(PLATFORM_RES, text)]
    found += [(m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex)) for m in GLUED_PLATFORM_RE.finditer(text)]
    found += [(m.start(1), m.end(1), _CASED_NAME[m.group(1)]) for m in CASED_PLATFORM_RE.finditer(text)]
    # (a lone lower-case "x" is a platform only in a question; in prose it is too common)
    return text, found


def company_of(names) -> str | None:
    """The company whose services, two or more, are the platforms named together, with or without it
    ("Facebook and Instagram", "Meta ... Facebook and Instagram": Meta; "On Instagram ..., Meta said":
    no one company's, one service's), or None."""
    names = set(names)
    return next((company for company, services in COMPANIES.items()
                 if len(names - {company}) >= 2 and names <= services | {company}), None)


def last_platform_in(text: str) -> str | None:
    """The platform named last in ``text`` (the nearest before a number that follows it), or None,
    also when it is named with another ("... फेसबुक और इंस्टाग्राम से 2.29 करोड़ पोस्ट": of both)."""
    text, found = _platform_mentions(text)
    found.sort()
    if not found or len(found) > 1 and JOINED_NAMES_RE.fullmatch(text, found[-2][1], found[-1][0]):
        return None
    return found[-1][2]


def platforms_in(text: str) -> list[str]:
    return [name for _, _, name in _platform_mentions(text)[1]]


@lru_cache(maxsize=4096)
def policy_groups(policy: str) -> frozenset[str]:
    """The policy groups a stored policy name belongs to ("Dangerous Orgs: Terrorism": terrorism;
    "Child Endangerment: Nudity and Physical Abuse": child safety and nudity); a name the lexicon
    does not read is a group of its own."""
    hits = find_all(POLICY_RES, policy)
    return frozenset(h[0] for h in hits) if hits else frozenset({policy.casefold()})


@dataclass(frozen=True)
class Features:
    """What a text says about a figure: the families it names and the words left over."""

    platforms: frozenset[str] = frozenset()
    policies: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    facets: frozenset[str] = frozenset()
    kind: str | None = None  # "count", "percent", "change", "multiple", "average" or None when not said
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    metric_spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)  # actions, objects, facets


def blank(text: str, spans) -> str:
    """``text`` with the spans blanked out (spaces keep every offset), in one pass."""
    out, at = [], 0
    for a, b in sorted(spans):
        a = max(a, at)
        if b > a:
            out += (text[at:a], " " * (b - a))
            at = b
    out.append(text[at:])
    return "".join(out)


@lru_cache(maxsize=TEXT_CACHE)
def describe(text: str) -> Features:
    spans: list[tuple[int, int]] = []
    metric_spans: list[tuple[int, int]] = []
    taken = bytearray(len(text))  # the characters a phrase already read covers: linear, not quadratic

    def take(families, metric: bool) -> frozenset[str]:
        keep = []
        for name, s, e in find_all(families, text):
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            spans.append((s, e))
            if metric:
                metric_spans.append((s, e))
            keep.append(name)
        return frozenset(keep)

    facets = take(FACET_RES, True)  # before actions: "reported by governments" is a facet
    platforms = named_services(take(PLATFORM_RES, False))
    policies = take(POLICY_RES, False)
    objects = take(OBJECT_RES, True)
    actions = take(ACTION_RES, True)
    # "shut down" is an action, not a change: the phrases read are blanked out
    rest = blank(text, spans)
    # "(the count, not the %)": the kind said is the one not negated
    rest = NOT_KIND_RE.sub(lambda m: " " * len(m.group()), rest)
    # what the number is not: "fell under hateful conduct" (a category), "before it rose in Q2",
    # "the period where the pace of suspensions rose" (what happened around it)
    rest = NOT_ASKED_CHANGE_RE.sub(lambda m: " " * len(m.group()), rest)
    kind = None
    if AVERAGE_RE.search(rest):
        kind = "average"
    elif MULTIPLE_RE.search(rest):
        kind = "multiple"
    elif HOW_MANY_THINGS_RE.search(text):
        kind = "count"
    elif CHANGE_RE.search(rest):
        kind = "change"
    elif PERCENT_RE.search(rest) or PREVALENCE_RE.search(text):  # prevalence is a share of views, by definition
        kind = "percent"
    elif COUNT_RE.search(rest):
        kind = "count"
    return Features(platforms, policies, actions, objects, facets, kind, tuple(spans), tuple(metric_spans))


@dataclass
class Vocabulary:
    """What the store knows: the values questions are matched against."""

    platforms: list[str]
    metrics: list[str]
    policies: list[str]
    locations: list[str]
    breakdowns: list[str]
    # of the sentences prose figures are quoted from (a prose-heavy store quotes 100,000 and
    # more, too many to hold): how often each word occurs in them, and an even sample of them
    quoted_words: dict[str, int] = field(default_factory=dict)
    quoted_sample: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)  # who published the documents ("CNN Chile")

    @classmethod
    def of(cls, platforms: list[str], metrics: list[str], policies: list[str], locations: list[str],
           breakdowns: list[str], quoted: Iterable[str] = (), publishers: Iterable[str] = ()) -> "Vocabulary":
        """The vocabulary of these names and quoted sentences, read once as they stream by:
        every word counted, at most QUOTED_SAMPLE sentences kept."""
        sample = QUOTED_SAMPLE
        words: dict[str, int] = {}
        kept: list[str] = []
        pick = random.Random(0)  # the same store gives the same sample
        for n, text in enumerate(quoted):
            for w in _WORD_RE.findall(text.lower()):
                words[w] = words.get(w, 0) + 1
            if n < sample:  # reservoir sampling: each sentence is kept with the same chance
                kept.append(text)
            elif (k := pick.randrange(n + 1)) < sample:
                kept[k] = text
        return cls(platforms, metrics, policies, locations, breakdowns, words, kept, list(publishers))

    def frequency(self) -> dict[str, int]:
        """Every word the lexicon and the store know (its keys: for spelling correction), and
        how often each occurs (the lexicon's names count a lot): to expand an abbreviation to
        its likeliest word."""
        stored = [v for values in (self.platforms, self.metrics, self.policies, self.locations, self.breakdowns)
                  for v in values]
        counts = dict(self.quoted_words)
        for phrases, weight in ((_lexicon_phrases(), 5), (stored, 1)):
            for phrase in phrases:
                for w in _WORD_RE.findall(phrase.lower()):
                    counts[w] = counts.get(w, 0) + weight
        return counts


_WORD_RE = re.compile(r"[a-z][a-z0-9'-]+")


@lru_cache(maxsize=1)
def _lexicon_phrases() -> tuple[str, ...]:
    """The lexicon's English names and kind words."""
    lexicon = [p for table in (PLATFORMS, POLICIES, ACTIONS, OBJECTS, FACETS)
               for name, aliases in table.items() for p in (name, *aliases) if p not in TRANSLATED]
    return (*lexicon, *CHANGE_WORDS, *PERCENT_WORDS, *COUNT_WORDS, *AVERAGE_WORDS, *MULTIPLE_WORDS)


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """The words of the lexicon's English names ("government", "proactive"): what a short
    abbreviation ("gov", "pro") may stand for."""
    return frozenset(w for phrase in _lexicon_phrases() for w in _WORD_RE.findall(phrase.lower()))


# ISO codes that are also everyday words or abbreviations in this field ("IS" is Islamic State).
_CODE_WORDS = {"IS", "IT", "AT", "BE", "NO", "ME", "TO", "OR", "AS", "AM", "AN", "ID", "SO", "DO",
               "GO", "MY", "PE", "AI", "IN", "ON", "HI", "OK", "PR", "TV", "BY", "IM"}
# written in capitals, these name a country ("us" in lower case is a pronoun)
# (and in the lexicon's other languages: "EE. UU." in Spanish, "EUA" in Portuguese, "negli Usa", "die BRD")
_COUNTRY_ABBREVIATIONS = {"US": "United States", "USA": "United States", "U.S.": "United States",
                          "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                          "EU": "European Union", "EE. UU.": "United States", "EE.UU.": "United States",
                          "EEUU": "United States", "EUA": "United States", "Usa": "United States",
                          "BRD": "Germany"}
_UNJOINED = r"(?![\w]|-[^\W\d_])"  # a code that ends a word, and joins no other by a hyphen ("US-Konzern", "UK-based")
_ABBREVIATION_RE = re.compile(rf"(?<![\w.])(?:U\.S\.A\.|U\.S\.|U\.K\.|USA|US|UK|EU|EE\. ?UU\.|EEUU|EUA|Usa|BRD){_UNJOINED}")
# a place that is no country but reports as one (the Digital Services Act's figures are the EU's)
_REGIONS = {"European Union": ("European Union", "Union européenne", "Europäische Union", "Unión Europea",
                               "União Europeia", "Unione europea", "Uni Eropa")}


# the English names people use that ISO 3166 no longer lists
_EXONYMS = {"TR": "Turkey", "RU": "Russia", "CI": "Ivory Coast", "PS": "Palestine", "MK": "Macedonia",
            "BN": "Brunei", "CV": "Cape Verde", "FM": "Micronesia", "VA": "Vatican", "KR": "Korea"}
# names in common use, in English and the lexicon's other languages, that are no ISO 3166 name
_COMMON_NAMES = {"GB": ("Great Britain", "Britain", "Großbritannien", "Grossbritannien", "Grande-Bretagne",
                        "Gran Bretaña", "Grã-Bretanha", "Gran Bretagna", "Inggris", "Britania Raya", "英国"),
                 # the short names Arabic writes ("الإمارات", not "الإمارات العربية المتحدة")
                 "AE": ("الإمارات",), "RU": ("روسيا",), "US": ("أمريكا", "امريكا", "米国", "アメリカ")}
# a place said to be the whole world ("worldwide", "weltweit", "a nivel mundial")
WORLDWIDE_RE = re.compile(r"\b(?:worldwide|globally|global|across\s+the\s+(?:world|globe)|around\s+the\s+world|weltweit|mondial\w*"
                          r"|en\s+todo\s+el\s+mundo|a\s+nivel\s+mundial|no\s+mundo\s+todo|em\s+todo\s+o\s+mundo|dans\s+le\s+monde"
                          r"|in\s+tutto\s+il\s+mondo|nel\s+mondo|(?:di\s+)?seluruh\s+dunia|dünya\w*|küresel\w*)\b"
                          r"|全世界|世界全体|世界中|全球|전\s?세계", re.IGNORECASE)
# the languages of the documents the lexicon reads (store.vocabulary's other names)
_FIRST_NAME_LANGUAGES = ("de", "fr", "es", "pt", "it", "id", "ar")
# names found inside runs of characters: written without spaces between words (Chinese, Japanese), with
# particles or case endings glued on (Korean; Telugu, "భారతదేశంలో": in India), or in a script whose words
# Python's regular expressions part (Hindi: see store.scripts.INDIC)
_UNSPACED_LANGUAGES = ("ja", "zh", "zh_Hant", "ko", "hi", "te")
_NAME_LANGUAGES = _FIRST_NAME_LANGUAGES + ("nl", "tr", "ru", "pl", "vi", "cs", "fi") + _UNSPACED_LANGUAGES
_ARABIC_CLITICS = frozenset("وبلف")  # "and", "in", "for", "so", written joined to the next word
# Arabic's short vowels and other marks, which names are written with or without ("السّعوديّة")
_ARABIC_MARKS_RE = re.compile("[\u064B-\u0652\u0670\u0640]")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every name of every country (and of the European Union), in English (ISO 3166's names and
    the ones people use) and in the lexicon's other languages ("Indien", "Estados Unidos";
    "Russische Föderation" and, as the CLDR has it, "Russland"), to its English name."""
    import gettext

    import pycountry

    from store import cldr

    people_say = cldr.names()

    translations = []
    for lang in (lang for lang in _NAME_LANGUAGES if lang not in _UNSPACED_LANGUAGES):  # (the CLDR's names of those suffice)
        try:
            translations.append((lang, gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])))
        except OSError:  # a pycountry without that language: English names only
            pass
    names: dict[str, str] = {}
    for english, spelled in _REGIONS.items():
        names.update({name.casefold(): english for name in spelled})
    for c in pycountry.countries:
        english = getattr(c, "common_name", None) or c.name
        spelled = [getattr(c, attr, None) for attr in ("name", "common_name", "official_name")]
        spelled.append(_EXONYMS.get(c.alpha_2))
        spelled += _COMMON_NAMES.get(c.alpha_2, ())
        # (a short name in another language may be a word of its own: Vietnamese "Pháp" is France, and
        # "pháp luật" the law; Russian "Того" is Togo, and "того" "of that")
        spelled += [name for lang, t in translations if _long_name(lang, name := t.gettext(c.name))]
        spelled += [name for lang, said in people_say.items() if (name := said.get(c.alpha_2)) and _long_name(lang, name)]
        for value in filter(None, spelled):
            names.setdefault(_ARABIC_MARKS_RE.sub("", value).casefold(), english)
    return names


@lru_cache(maxsize=4096)
def canonical_place(name: str) -> str:
    """A place as a table or a curator names it, under the name the prose reader stores it by, so
    that one country is one place whatever its source calls it: Google's and TikTok's downloads
    write "Turkey", "Russia", "Czech Republic" and "Moldova Republic of" (their commas dropped)
    where the text of an article is stored as "Türkiye", "Russian Federation", "Czechia" and
    "Moldova". A name no country has ("Kosovo", "Rest of world") is kept as given."""
    names, given = _country_names(), name.strip()
    key = _ARABIC_MARKS_RE.sub("", given).casefold()
    found = _COUNTRY_ABBREVIATIONS.get(given) or names.get(key) \
        or names.get(re.sub(r"\s*[\[(].*?[\])]", "", key))  # "US"; "Macedonia [FYROM]"
    if found is None and key.isascii() and len(key) >= 8:  # ISO's "Lao People's ..." written "Lao Peoples ..."
        from rapidfuzz import fuzz, process, utils

        best = process.extractOne(key, _ascii_country_names(), scorer=fuzz.token_sort_ratio,
                                  processor=utils.default_process, score_cutoff=PLACE_SPELLING)
        found = names[best[0]] if best else None
    return found or name


PLACE_SPELLING = 95  # how alike (rapidfuzz's token_sort_ratio) a table's spelling and a country's name must be


@lru_cache(maxsize=1)
def _ascii_country_names() -> list[str]:
    return [name for name in _country_names() if name.isascii() and len(name) >= 8]


def _long_name(lang: str, name: str) -> bool:
    """Is a country's name in a language read in text? In the languages added after the first ones,
    only a long one (and in Vietnamese, whose words are syllables, one of several words)."""
    if lang in _FIRST_NAME_LANGUAGES:
        return True
    if lang in ("ja", "zh", "zh_Hant"):  # found inside a run of characters: two or more
        return len(name) >= 2
    if lang in ("ko", "hi", "te"):  # (Korean's two-syllable names are words too: "인도" is India, and handing over)
        return len(name) >= 3
    return len(name) >= 5 and (lang != "vi" or " " in name)


POSSESSIVE_RE = re.compile(r"['’]s\b")  # "Turkey's requests"
ELISION_RE = re.compile(r"^(?:l|d|dell|dall)['’]")  # "de l'Union européenne", "d'Allemagne"
CASE_SUFFIX_RE = re.compile(r"['’][^\W\d_]{1,4}$")  # a name's case ending, as Turkish writes it: "Türkiye'nin", "Almanya'dan"


def _joined_name(names: dict[str, str], word: str) -> str | None:
    """A country's name with an Arabic particle joined before it ("بمصر": in Egypt; "والسعودية":
    and Saudi Arabia)."""
    return names.get(word[1:]) if word[:1] in _ARABIC_CLITICS else None


def country_in(text: str) -> str | None:
    """A country a question names, whether or not any figure is stored for it ("in Germany",
    "DE"), so that a question about a place with no figure is not answered with another's."""
    names = _country_names()
    words = [w for _, _, w in _country_words(text)]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            name = names.get(" ".join(words[i : i + n]))
            if n > 1 and name is None:  # German declines a name's adjective: "in den Vereinigten Staaten"
                name = names.get(" ".join([w[:-1] if w.endswith("ten") else w for w in words[i : i + n - 1]]
                                          + words[i + n - 1 : i + n]))
            if name is None and n == 1:
                name = _joined_name(names, words[i])
            if name:
                return name
    m = _ABBREVIATION_RE.search(text)
    if m:
        return _COUNTRY_ABBREVIATIONS[m.group()]
    import pycountry

    # a code on its own, not one word of a name ("HT Tech" is a publisher, not Haiti)
    for code in re.findall(rf"(?<![\w.])(?<![A-Z][\w.]\s)[A-Z]{{2}}{_UNJOINED}(?!\s+[A-Z])", text):
        if code not in _CODE_WORDS:
            c = pycountry.countries.get(alpha_2=code)
            if c:
                return getattr(c, "common_name", None) or c.name
    return None


# in a question typed in lower case: "us share of downloads", "tiktok uk removals"; "us" after a
# word that takes a pronoun ("give us", "for us") is the pronoun
_TYPED_ABBREVIATION_RE = re.compile(
    r"(?<![\w.])(?:u\.s\.a\.|u\.s\.|u\.k\.|usa|uk|eu|(?<!give\s)(?<!tell\s)(?<!show\s)(?<!let\s)(?<!for\s)(?<!to\s)"
    r"(?<!with\s)(?<!help\s)(?<!of\s)(?<!about\s)(?<!from\s)(?<!by\s)(?<!among\s)us)(?![\w])")


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Each country's two-letter ISO 3166 code, as a terse question types it ("vn", "ru"), to
    its English name."""
    import pycountry

    return {c.alpha_2.lower(): getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def country_typed(text: str) -> str | None:
    """A country a question names, as country_in reads it, or as it is typed in lower case."""
    if found := country_in(text):
        return found
    m = _TYPED_ABBREVIATION_RE.search(text)
    return _COUNTRY_ABBREVIATIONS[m.group().upper()] if m else None


_COUNTRY_WORD_RE = re.compile(r"[^\W\d_][\w'.-]*")


def _country_words(text: str) -> list[tuple[int, int, str]]:
    """The words of a text as country names are looked up: case-folded, without a possessive
    ("Turkey's"), an elided article ("l'Union") or trailing punctuation ("India."; not "U.S.")."""
    out = []
    for m in _COUNTRY_WORD_RE.finditer(text):
        w = m.group().casefold()
        if not m.group().endswith("S."):
            w = w.rstrip(".,;:")
        end = m.end()
        if "-" in w and w not in _country_names() and (head := w.split("-", 1)[0]) in _country_names():
            w, end = head, m.start() + len(head)  # "Turkey-reported accounts", "India-based" (not "Guinea-Bissau")
        out.append((m.start(), end, CASE_SUFFIX_RE.sub("", ELISION_RE.sub("", POSSESSIVE_RE.sub("", _ARABIC_MARKS_RE.sub("", w))))))
    return out


_DEMONYM_ENDINGS = ("ian", "an", "n", "i", "ese", "ish")
_IRREGULAR_DEMONYMS = {"American": "United States", "British": "United Kingdom", "French": "France", "Dutch": "Netherlands",
                       "Spanish": "Spain", "Swiss": "Switzerland", "Filipino": "Philippines", "Thai": "Thailand",
                       "Saudi": "Saudi Arabia"}  # (a country of two words: its first word less nothing)


@lru_cache(maxsize=1024)
def country_of_people(word: str) -> str | None:
    """The country an English adjective of its people names ("Indian": India, "Pakistani":
    Pakistan, "Brazilian": Brazil): the one country whose English name starts with the word
    less its ending, all but its last letters ("Westen" is no Western Sahara); a few irregular
    ones are listed. None for any other word."""
    if word in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[word]
    if not word[:1].isupper():
        return None
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)].casefold()
            names = {english for name, english in _country_names().items()
                     if name.isascii() and name.startswith(stem) and len(name) - len(stem) <= 3
                     and _plain(english).startswith(stem)}  # ("Turkish": Türkiye)
            if len(names) == 1:
                return names.pop()
    return None


def _plain(name: str) -> str:
    """A name case-folded without its accents: "türkiye" as "turkiye"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


@lru_cache(maxsize=TEXT_CACHE)
def places_in(text: str) -> frozenset[str]:
    """The countries a text names, by name or by their people's adjective ("Indian accounts")."""
    people = (country_of_people(w) for w in re.findall(r"[^\W\d_]+", text) if w[:1].isupper())
    return frozenset(countries_in(text)) | {c for c in people if c}


def countries_in(text: str) -> list[str]:
    """The countries a text names, in order ("India and the U.S.": India, United States)."""
    return [name for _, _, name in country_spans(text)]


def country_spans(text: str) -> list[tuple[int, int, str]]:
    """Where a text names countries, and which (its English name), in order."""
    names = _country_names()
    words = _country_words(text)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            name = names.get(" ".join(w for _, _, w in words[i : i + n])) if i + n <= len(words) else None
            if name is None and n == 1 and (m := _ABBREVIATION_RE.match(text, words[i][0])):
                name = _COUNTRY_ABBREVIATIONS[m.group()]
            if name is None and n == 1:
                name = _joined_name(names, words[i][2])
            if name:
                found.append((words[i][0], words[i + n - 1][1], name))
                i += n
                break
        else:
            i += 1
    if not text.isascii() and RUNS_RE.search(text):
        # Chinese, Japanese and Korean write names unspaced, inside a run of characters ("多いのは米国(1390万件)で");
        # Hindi and Telugu names are found so too, where no letter of their script comes before ("भारत में")
        taken = [(a, b) for a, b, _ in found]
        for m in _unspaced_names_re().finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append((m.start(), m.end(), names[m.group().casefold()]))
        found.sort()
    return found


@lru_cache(maxsize=1)
def _unspaced_names_re() -> re.Pattern:
    """Every country name written in Chinese, Japanese, Korean or an Indian script, the longest first
    ("インドネシア" before "インド"); an Indian script's not right after a letter of its own."""
    unspaced = [name for name in _country_names() if RUNS_RE.search(name)]
    return re.compile("|".join((f"(?<![{INDIC}])" if INDIC_RE.search(n) else "") + re.escape(n)
                               for n in sorted(unspaced, key=len, reverse=True)))
