"""Cue phrases around language and requirement mentions.

`is_desirable` tells a plus from a requirement. The caller passes the clause that holds the
requirement: a context holding both kinds of cue ("English is required; French is an
asset") says nothing about which one a mention has, so it reads as required.

`is_boilerplate_language_sentence` spots what an organisation says about its own languages
or its application process, which the guidelines exclude from LANGUAGE. A sentence that also
asks something of the candidate ("fluency in ... is required") is never boilerplate.

French and Spanish (`lang="fr"`, `"es"`) add their cues to the English ones: "serait un
atout", "se valorará", "exigé", "imprescindible", "les langues de travail de l'Organisation
sont ...", "las candidaturas deben presentarse en inglés". The English "a plus" is left out
in French, where "a plus de" is "has more than". Accents are optional ("souhaite", "requerido").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DESIRABLE_SOURCE = (
    r"\b(?:an?\s+(?:(?:added|additional|distinct|strong|definite|important|real)\s+)?"
    r"(?:asset|advantage|plus)|advantageous|desirable|desired|preferred|preferabl[ey]"
    r"|nice\s+to\s+have|(?:is|are|would\s+be)\s+(?:most\s+|very\s+)?welcome[d]?"
    r"|considered\s+an?\s+(?:strong\s+)?asset|optional)\b"
)
_REQUIRED_SOURCE = (
    r"(?<!\bnot\s)(?<!n't\s)\b(?:required|requirement|mandatory|essential|must|compulsory"
    r"|obligatory|necessary)\b"
)
_CANDIDATE_ASKED_SOURCE = (
    r"\b(?:requir\w*|fluen\w*|proficien\w*|knowledge|command|mastery|ability|skills?"
    r"|asset|desirable|advantage\w*|essential|mandatory|must|preferred|excellent)\b"
)
_ORGANISATION_LANGUAGES_SOURCE = (
    r"\b(?:official|working)\s+languages?\b(?:\s+of\s+[^.;:]{1,60}?)?\s+(?:are|is|include)\b"
    r"|\b(?:are|is)\s+the\s+(?:\w+\s+)?(?:official|working)\s+languages?\b"
)
_APPLICATION_LANGUAGE_SOURCE = (
    r"\b(?:applications?|CVs?|cover\s+letters?|forms?)\b[^.;]{0,40}?"
    r"\b(?:accepted|submitted|written|completed|received|considered)\b[^.;]{0,20}?\bin\s+[A-Z]"
    r"|\b(?:notice|vacancy|announcement|advertisement|advert|posting|page|website|document)s?"
    r"\b[^.;]{0,30}?\bavailable\s+in\b"
)
# French and Spanish cues, in the order of `_Cues`: desirable, required, asked of the
# candidate, the organisation's languages, the application's language. Accents optional.
_LOCAL_SOURCES: dict[str, tuple[str, str, str, str, str]] = {
    "fr": (
        r"(?<!\w)(?:atouts?|une?\s+(?:(?:r[ée]el|v[ée]ritable|grand|net|important|s[ée]rieux)"
        r"\s+)?avantage|(?:est|serait|sera|constitue(?:rait)?|repr[ée]sente(?:rait)?)\s+un\s+"
        r"(?:(?:r[ée]el|v[ée]ritable|grand|gros)\s+)?plus|un\s+plus(?=\s*(?:[.,;:)!]|$))"
        r"|souhaitables?|souhait[ée]e?s?|de\s+pr[ée]f[ée]rence|pr[ée]f[ée]rable(?:ment)?"
        r"|appr[ée]ci[ée](?:\(e\)|e)?s?|facultati(?:f|ve)s?|optionnel(?:le)?s?)(?!\w)",
        r"(?<!\bpas\s)(?<!\bnon\s)(?<!\w)(?:exig[ée](?:\(e\)|e)?s?|requis(?:\(e\)|e)?s?"
        r"|obligatoires?|indispensables?|essentiel(?:\(le\)|le)?s?|imp[ée]rati(?:f|ve)s?"
        r"|n[ée]cessaires?|doi(?:t|vent)|devr(?:a|ont))(?!\w)",
        r"(?<!\w)(?:exig\w*|requis\w*|ma[iî]tris\w*|connaissances?|courant\w*|parl(?:er|ée?s?|ant)"
        r"|comp[ée]tences?|capacit[ée]s?|aptitudes?|atouts?|souhait\w*|avantage\w*"
        r"|essentiel\w*|obligatoires?|indispensables?|doi(?:t|vent)|excellent\w*|pr[ée]f[ée]r\w*)"
        r"(?!\w)",
        r"\blangues?\s+(?:officielles?|de\s+travail)\b(?:\s+(?:de|du|des)\s+[^.;:]{1,60}?)?"
        r"\s+(?:sont|est)\b|\b(?:sont|est)\s+(?:les?|la)\s+(?:\w+\s+)?langues?\s+"
        r"(?:officielles?|de\s+travail)\b",
        r"\b(?:candidatures?|CV|lettres?\s+de\s+motivation|formulaires?|dossiers?)\b[^.;]{0,40}?"
        r"(?<!\w)(?:accept[ée]e?s?|soumise?s?|r[ée]dig[ée]e?s?|remplie?s?|re[çc]ue?s?|envoy[ée]e?s?"
        r"|pr[ée]sent[ée]e?s?)(?!\w)[^.;]{0,20}?\ben\s+(?:langue\s+)?(?:anglais|fran[çc]ais"
        r"|espagnol|arabe|russe|chinois|portugais)\b"
        r"|\b(?:avis|annonce|offre|publication|page|site|document)s?\b[^.;]{0,30}?"
        r"\bdisponibles?\s+en\b",
    ),
    "es": (
        r"(?<!\w)(?:se\s+valorar[áa]n?|valorad[oa]s?|valorables?|deseables?|preferiblemente"
        r"|preferentemente|de\s+preferencia|preferibles?|se\s+prefiere|preferid[oa]s?"
        r"|(?:una|como)\s+(?:(?:gran|clara|verdadera|importante)\s+)?ventaja"
        r"|(?:es|ser[áa]|ser[íi]a|constituye|constituir[áa])\s+un\s+(?:gran\s+)?plus"
        r"|un\s+plus(?=\s*(?:[.,;:)!]|$))|opcional(?:es)?|no\s+excluyente)(?!\w)",
        r"(?<!\bno\s)(?<!\bno\ses\s)(?<!\bno\sse\s)(?<!\w)(?:requerid[oa]s?|requieren?"
        r"|obligatori[oa]s?|indispensables?|imprescindibles?|esencial(?:es)?|deben?|deber[áa]n?"
        r"|necesari[oa]s?|exigid[oa]s?|excluyentes?)(?!\w)",
        r"(?<!\w)(?:requi\w*|dominio|conocimientos?|fluid\w*|capacidad\w*|habilidad\w*"
        r"|competencias?|ventajas?|deseables?|valora\w*|esencial\w*|obligatori\w*|indispensables?"
        r"|imprescindibles?|deben?|excelentes?|preferi\w*)(?!\w)",
        r"\b(?:lenguas?|idiomas?)\s+(?:oficiales?|de\s+trabajo)\b(?:\s+(?:de|del)\s+[^.;:]{1,60}?)?"
        r"\s+(?:son|es|incluyen)\b|\b(?:son|es)\s+(?:los?|las?)\s+(?:\w+\s+)?(?:lenguas?|idiomas?)"
        r"\s+(?:oficiales?|de\s+trabajo)\b",
        r"\b(?:solicitudes?|postulaciones?|candidaturas?|CV|hojas?\s+de\s+vida|cartas?\s+de\s+"
        r"(?:motivaci[óo]n|presentaci[óo]n)|formularios?)\b[^.;]{0,40}?(?<!\w)(?:aceptad|presentad"
        r"|enviad|redactad|recibid|completad|considerad|presentar|enviar|redactar)\w*[^.;]{0,20}?"
        r"\ben\s+(?:idioma\s+|lengua\s+)?(?:ingl[ée]s|franc[ée]s|espa[ñn]ol|castellano|[áa]rabe"
        r"|ruso|chino|portugu[ée]s)\b"
        r"|\b(?:anuncio|aviso|convocatoria|vacante|p[áa]gina|sitio|documento)s?\b[^.;]{0,30}?"
        r"\bdisponibles?\s+en\b",
    ),
}
# In French text, the English "a plus" is "has more".
_ENGLISH_DESIRABLE_GUARD = {"fr": r"(?!a\s+plus\b)", "es": ""}


@dataclass(frozen=True)
class _Cues:
    desirable: re.Pattern[str]
    required: re.Pattern[str]
    candidate_asked: re.Pattern[str]
    organisation_languages: re.Pattern[str]
    application_language: re.Pattern[str]


def _cues(*sources: str) -> _Cues:
    return _Cues(*(re.compile(source, re.IGNORECASE) for source in sources))


_ENGLISH_SOURCES = (
    _DESIRABLE_SOURCE, _REQUIRED_SOURCE, _CANDIDATE_ASKED_SOURCE,
    _ORGANISATION_LANGUAGES_SOURCE, _APPLICATION_LANGUAGE_SOURCE,
)
_CUES = {"en": _cues(*_ENGLISH_SOURCES)} | {
    lang: _cues(
        f"{local[0]}|{_ENGLISH_DESIRABLE_GUARD[lang]}{_DESIRABLE_SOURCE}",
        *(f"{ours}|{english}" for ours, english in zip(local[1:], _ENGLISH_SOURCES[1:])),
    )
    for lang, local in _LOCAL_SOURCES.items()
}


def is_desirable(context: str, lang: str = "en") -> bool:
    """True when the context marks a requirement as a plus, not as needed.

    `lang` ("en", "fr", "es") adds the cues of that language to the English ones.
    """
    cues = _CUES[lang]
    return bool(cues.desirable.search(context)) and not cues.required.search(context)


def is_required(context: str, lang: str = "en") -> bool:
    """True when the context says a requirement is needed ("required", "essential")."""
    return bool(_CUES[lang].required.search(context))


def is_boilerplate_language_sentence(sentence: str, lang: str = "en") -> bool:
    """True for what the organisation says about its languages, not what it asks of you.

    `lang` ("en", "fr", "es") adds the cues of that language to the English ones.
    """
    cues = _CUES[lang]
    if cues.application_language.search(sentence):
        return True
    return bool(cues.organisation_languages.search(sentence)) and not cues.candidate_asked.search(
        sentence
    )
