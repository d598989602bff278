"""The role scorer's knowledge, as data: phrases per language, weights per role, transitions.

Adding a language is one entry in :data:`PHRASES` (and its stop words in :data:`STOP_WORDS`
for detection); adding a cue is one pattern in a list. Nothing here is code that decides:
:mod:`presskit.importers.features` turns a block into named features, and
:mod:`presskit.importers.roles` adds up :data:`WEIGHTS` and :data:`TRANSITIONS` and picks the
best sequence of roles.

Every pattern is a case-insensitive regular expression matched against a block's text with
its whitespace collapsed (``re.search``, so anchor with ``^`` for "the block starts with").
"""

from __future__ import annotations

from presskit.importers.model import Role

PHRASE_CUES = (
    "release", "embargo", "contact", "about", "links", "social", "chrome", "meta", "said",
    "job_title", "org_about", "end",
)  # fmt: skip
"""The phrase cues every language may fill; each becomes a feature ``cue_<name>``."""

_END = [
    r"^[-–—]?\s*(#\s*){3,}[-–—]?$",  # "###", "# # #", "-###-"
    r"^[-–—]*\s*(30|end|ends|xxx)\s*[-–—]*$",
    r"^[-–—]+\s*0\s*[-–—]+$",  # "-0-"
    r"^\*{3}$",
    r"^[-–—]\s*[A-Z]{2,8}\s*[-–—]?$",  # the issuer's initials after a dash: "-NSF-", "-USMC"
    r"^[-–—]+\s*end( of)?( general)? (release|text|statement)\s*[-–—]+$",
]

SHARE_LABELS = {
    "en": "share this (page|article)",
    "de": "(diese )?seite teilen",
    "fr": "partager cette page",
    "es": "compartir esta página",
}
"""A page's share widget's label: chrome alone, cut from the lead it runs into."""

RELEASE_NUMBER = r"[A-Z]{1,4} ?\d{2,4}[-–]\d{1,5}"
"""A release's number with its agency's letters: "NR 97-14", "OTS 96-34", "M15-096"."""

RELEASE_NUMBER_LABEL = (
    r"^(?:release|release no\.?|release number|news release|media advisory|advisory|"
    r"statement|press release)\s*(?:no\.?|number|#)?\s*[:#]?\s*[a-z]{0,3}\d{1,4}[-–/.]\d+\S*"
)
"""A release's number with its label ("RELEASE: 12-428", "MEDIA ADVISORY M15-096"): the meta
cue, and where the run splitter cuts a line that goes on into the headline."""

DOC_TYPES: dict[str, tuple[str, ...]] = {
    "en": ("press release", "news release", "media advisory", "daily news", "fact ?sheet",
           "statement", "speech", "questions and answers", "q&a", "readout", "news"),
    "de": ("pressemitteilung", "presseinformation", "presseartikel", "tagesnachrichten",
           "faktenblatt", "factsheet", "erklärung", "rede", "fragen und antworten"),
    "fr": ("communiqué de presse", "fiche d['’]information", "questions et réponses",
           "déclaration", "discours", "nouvelles quotidiennes"),
    "es": ("comunicado de prensa", "nota de prensa", "ficha informativa",
           "preguntas y respuestas", "declaración", "discurso", "noticias diarias"),
}  # fmt: skip
"""What kind of document a release says it is, in each language. A line that is only that,
perhaps after the issuer ("European Commission - Daily News") and before a date, is the
page's label, not the headline (the ``meta`` cue); :mod:`.runs` cuts a run after it."""


DOC_TYPE_SHORT_NAMES = ("advisory", "aviso", "media call")
"""Names advisories go by besides the types above ("ADVISORY:", "AVISO -", "Media call:")."""


def doc_types() -> str:
    """Every document type of every language, and the short names, as one regex alternation:
    the one list the label cue, the run splitter, the dateline parser and the headline's
    clean-up use."""
    kinds = [kind for kinds in DOC_TYPES.values() for kind in kinds]
    return "|".join([*kinds, *DOC_TYPE_SHORT_NAMES])


def _doc_type_line(language: str) -> str:
    kinds = "|".join(DOC_TYPES[language])
    return (
        rf"^([^.!?]{{0,60}}\s[-–|]\s*)?({kinds})(\s+[\d/ .-]{{6,14}})?$"
        rf"|^({kinds})\b(?=(?:\s+\S+){{0,9}}$).{{0,50}}\b[a-z]{{0,4}}\d{{2,4}}[-–]\d{{2,5}}\b"
    )  # "Comunicado de prensa sobre desastres 24-672": the type and the release's number


PHRASES: dict[str, dict[str, list[str]]] = {
    "en": {
        "release": [
            r"^(press|news) release\b.{0,30}(for )?immediate release",
            r"^(for )?(immediate|urgent) release\b",
            r"^(press|news|media) release\s*[:.]?$",
            r"^release line:",
        ],
        "embargo": [
            r"^embargo(ed)?\b",
            r"^(not for|hold for) (release|publication|broadcast)\b",
            r"^for release (at|on|after|not before)\b",
            r"^strictly embargoed\b",
        ],
        "contact": [
            r"^(news |media |press )(contacts?|enquiries|inquiries|information|relations|office)\b",
            r"^contacts?\s*(:|$)",
            r"^contact (information|details|names?|persons?)\b",
            r"^for (further|more|additional) information,? (please )?(contact|call)\b",
            r"^(enquiries|inquiries)\b",
            r"^(media|press) (contacts?|officers?)\s*$",
            r"^spokes(person|man|woman)\s*:",
            r"^public affairs\s*:",
        ],
        "about": [
            r"^about (the |us\b|our )?\S",
            r"^notes? (to|for) (editors|the editor)\b",
            r"^editors?'?s?'? notes?\b",
            r"^background (information|notes?)\s*:?$",
        ],
        "links": [
            r"^(for more|more|further|additional) information(, see| see| visit| is available| about [^,]{0,60})?\s*:\s*$",  # noqa: E501
            r"^(related|useful|more) links\s*:?$",
            r"^(see also|learn more|resources|additional resources|links)\s*:?$",
            r"^for more information,? (see|visit)\b",
        ],
        "social": [
            r"^follow (us|on|the|[^ ]+ on)\b",
            r"^(please )?visit (us at |our website at )?(www\.|https?://)",
            r"^(twitter|facebook|linkedin|instagram|youtube|mastodon|bluesky|x|threads|tiktok)\s*:",
            r"^connect with us\b",
        ],
        "chrome": [
            r"^(skip|jump) to:? (main )?(content|navigation)",
            r"^skip (main )?navigation$",
            r"^[\w .'’-]{0,30}\bmasthead\b",  # "News Masthead - U.S. Dept. of Transportation"
            r"^(share|share this( page| article)?|(social media )?share tools|print|"
            r"print this page|email this|tweet|"
            r"home|menu|search|back to top|subscribe|sign up|log ?in|next|previous|read more|"
            r"more news|view all|show more|close|accept|reject|manage preferences|breadcrumb)$",
            r"^(we use cookies|this (web)?site uses cookies|cookie (settings|policy|preferences))",
            r"^accept (all )?cookies",
            r"^(related|recent|latest|more) (news|articles|stories|content|releases|posts)\b",
            r"^(last (updated|revised|modified|reviewed)|page last (revised|updated)|editor:)",
            r"^(tags?|topics?|categories|keywords|filed under)\s*:",
            r"^you are here\b",
            r"^was this page helpful",
            r"^(an official website of the united states government|here's how you know)",
            r"^(the \.gov means it['’]?s official|federal government websites (often|always) end"
            r"|the site is secure|the https:// ensures)|\bdot gov$",
            r"^(we['’]ve made some changes to|[\w.]+['’]s? website will operate in a diminished)",
            r"^(a \.gov website belongs to|safely connect using https|a lock \(|"
            r"government website$|u\.s\. flag$)",
            r"^rss( feed)?\b.{0,30}$",
            r"^the following (press release|news release|statement) was (published|issued|released)"
            r" by\b",
            r"^source:\s.{0,60}$",
            r"^(official websites use \.gov|secure \.gov websites use https)",
            r"^(privacy policy|terms of (use|service)|accessibility|contact us|site map|sitemap|"
            r"foia|no fear act|usa\.gov|inspector general)$",
            r"^due to (a|the) lapse (in|of) (appropriations|federal funding)",
            r"^suggested searches$",
            r"^bookmark( and share)?$",
            r"^(all |more |latest |recent )?(news|press|media) (releases|advisories|room)\b"
            r"(?=.{0,40}$)(?!.*[.!?]$)",  # a newsroom's menu: "All News Releases By Date"
            r"^\(?(/|https?://)\S+\.(jpe?g|png|gif|webp|svg)\)?$",  # an image's address
            r"^(?!.*«)[^.!?]{1,100}\s?[›»]\s?[^.!?]{1,100}$",  # a breadcrumb (not «guillemets»)
            r"^home\s*[:>/|]\s+\w[^.!?]{0,100}$",  # "Home : News : Press Releases"
            r"^(back to )?(the )?[\w.&-]+( [\w.&-]+)? (main|home) ?page$",
            r"^\d+ min(ute)?s? read$",
            r"^(reading time|temps de lecture|tiempo de lectura)\s*:",
            r"^(this release can be found|to (subscribe|unsubscribe)|to remove your address)",
            r"^(copyright|©)",
            r"^(navigation path|left navigation|additional tools|disclaimer|continue reading)$",
            r"^revision as of \d",  # a wiki page's history line
            r"^from (wikipedia|the [a-z ]{3,30} (library|wiki|archive|encyclopedia))\b.{0,30}$",
            r"^(you are viewing archived content|this is archived information)\b",  # banners
            r"^(this page was |page )?last (updated|modified|reviewed)\b(?=.{0,40}$)",
            r"^(\[[^\]]{2,30}\]\s*){3,}$",  # a mail archive's "[Date Prev][Date Next]…"
            r"^back to (the )?[\w ]{0,30}page$",
            r"^(back|return) to (the )?(press releases|news releases|news|newsroom|press room)$",
            r"^[A-Z][A-Z .'’-]+, [A-Z]{2}, UNITED STATES$",  # a news service's place line
            rf"^({SHARE_LABELS['en']})\s*:$",
            r"^[\w .&'’-]{0,40}\b(header|banner|logo)( image| graphic)?$",  # an image's alt text
            r"^(image used for layout\s*)+$",
            r"^seal of (the )?(u\.s\. |united states )?\w.{0,80}$",  # a logo's alt text
            r"^(?=(?:\S+\s+){0,12}\S+$).*\blogo and link$",
            r"^.{0,40}\b(news|press) releases (from|of) (the )?(\w+ ){0,4}\w+$",  # a feed's title
            r"^(no comments|comments are closed|\d+ comments?|post a comment)\s*:?$",
            r"^(no hay comentarios|aucun commentaire|keine kommentare)\b",  # a blog's foot
            r"^(fuente|quelle)\s*:\s.{0,60}$",
            r"\boriginaltext-service unter verantwortung des aussenders\b",  # APA-OTS
            r"^distribution channels\s*:|\bein presswire's priority is source transparency\b",
            r"^(<[^<>]{1,20}>\s*)+$",  # a stray HTML tag on its own: "<p>"
            r"^\[an error occurred while processing this directive\]$",
            # a CMS's author and time: "neily.chapman Sat, 09/02/2023 - 12:41"
            r"^\S{2,30} (mon|tue|wed|thu|fri|sat|sun), \d{2}/\d{2}/\d{4} - \d{1,2}:\d{2}$",
            r"^this is an archival or historical document\b",  # IRS
            r"^in an effort to keep \S+ current, the archive\b",  # DHS
            r"^this (material|page|document) is (available|provided|kept) (primarily )?for "
            r"(archival|historical|reference) purposes\b",
            r"^click here to\b(?=.{0,40}$)",
            r"\bclick here to (find out|learn|read) more\.?$",
            r"^(browse latest\b|channel:\s)|\bviewing all \d+ (articles|posts|items)$",
            r"^\d+ (seconds?|minutes?|hours?|days?|weeks?|months?)( \d+ \w+)? ago$",
            r"^alert\s*-\s*(warning|info|information|success|error)$",
            r"^(this page has not been translated|sorry, there were no results|"
            r"please reset the filter)",
            r"^(transcript of|page \d+\s*:)",  # document-sharing sites' furniture
            r"^other (available )?languages\s*:",
            r"^(home\s+)?archived\b.{0,20}\d{4}$",
            r"\bpublished this content on\b|^distributed by public\b",
            r"^(page content transcription|if your browser does not display the page)",
        ],
        "meta": [
            RELEASE_NUMBER_LABEL,
            r"^(release date|date published|published|posted|released|updated)\s*:",
            r"^(for release|date)\s*:\s*\w+ \d",
            r"^(press release|news release|media advisory|statement)\s*\|",
            r"^(news release|media advisory|statement|news|press releases?|newsroom)$",
            r"^(photo|image|video|credit|credits)\s*:",
            # a site's label: "National Endowment for the Arts News Room"
            r"^(?=(?:\S+\s+){0,8}\S+$)[^.!?:]*\b(news ?room|press ?room|press office|"
            r"news releases|press releases)$",
            r"^news\s*:(?!\s*(?:[\w'’,$-]+\s+){3})",  # "News:", not "NEWS: Library Limits …"
            r"^(?=(?:\S+\s+){0,7}\S+$).*\b(media advisory|news release|press release|fact sheet)"
            r"[,.:]?$",
            _doc_type_line("en"),
            r"^\W*([^\W\d_] ){4,}[^\W\d_]\W*$",  # a label spaced out: "M E D I A"
            r"^(publication date|date of publication|release number|release no\.?)\s*:",
            # a reference number: "Inv. No(s). 332-542", "GSA # 10614"
            r"^([\w.]+ ){0,2}(no\(?s?\)?\.|#)\s*[\w-]*\d[\w/.-]*$",
            r"^(release date|release number)\b(?!.*[.!?]$)",
        ],
        "said": [r"\b(said|says|added|explained|noted|stated|commented|according to)\b"],
        "job_title": [
            r"\b(director|manager|officer|spokes(person|man|woman)|secretary|coordinator|"
            r"specialist|advis[eo]r|president|chief|head of|press|public affairs|"
            r"communications|media relations|lead|executive|editor|counsel|attaché)\b",
        ],
        "org_about": [
            r"\bis (a|an|the) .{0,80}\b(organi[sz]ation|agency|coalition|company|network|"
            r"institution|association|foundation|charity|provider|campaign|union|body|"
            r"university|department|bureau|federation|alliance|group|service|nonprofit|"
            r"non-profit|ngo|firm|institute|leader|laboratory|office|administration)\b",
            r"\b(founded|established|created) in (\d{4}|the \d{4}s)\b",
            r"\bheadquartered in\b",
            r"\b(its|our) mission is\b",
            r"^for more information about .{1,80}\b(visit|see|go to)\b",
            r"\bon the web at\b",
        ],
        "end": _END,
    },
    "de": {
        "release": [
            r"^(presse(mitteilung|information|meldung)|medienmitteilung|medieninformation)\s*[:.]?$",
            r"zur (sofortigen )?veröffentlichung\b",
            r"^(presse(mitteilung|information)|medienmitteilung)\b.{0,30}(sofort|frei)",
        ],
        "embargo": [r"^sperrfrist\b", r"\bsperrfrist\s*:", r"^nicht vor .{0,40}veröffentlichen"],
        "contact": [
            r"^(presse|medien)-? ?kontakt(e)?\b",
            r"^kontakt (für (die )?(presse|medien)|presse)\b",
            r"^(ansprechpartner(in)?|pressestelle|pressesprecher(in)?)\s*(:|$)",
            r"^(rückfragen|für rückfragen|weitere informationen erhalten sie)\b",
            r"^kontakt\s*:?$",
        ],
        "about": [
            r"^über (die |den |das |uns\b)?\S",
            r"^hinweis(e)? (für|an) (die )?redaktion(en)?\b",
            r"^(redaktionelle hinweise|zum unternehmen|das unternehmen|unternehmensprofil)\b",
        ],
        "links": [
            r"^(weitere|mehr) informationen\s*(:|finden sie)",
            r"^(weiterführende )?links\s*:?$",
        ],
        "social": [r"^folgen sie (uns|der)\b", r"^besuchen sie uns\b"],
        "chrome": [
            r"^(zum inhalt springen|direkt zum inhalt|drucken|teilen|startseite|suche|menü|"
            r"nach oben|newsletter|seite drucken|mehr erfahren|alle meldungen)$",
            rf"^({SHARE_LABELS['de']})\s*:?$",
            r"^(wir verwenden cookies|diese website (verwendet|nutzt) cookies|alle akzeptieren)",
            r"^(verwandte|ähnliche|weitere) (artikel|nachrichten|meldungen)\b",
            r"^(zuletzt (aktualisiert|geändert)|stand:)",
            r"^(impressum|datenschutz|barrierefreiheit|kontakt|sitemap)$",
            r"^(weiterlesen|weitere sprachen|andere sprachen)\b",
            r"^lesedauer\s*:",
        ],
        "meta": [
            r"^(datum|veröffentlicht|pressemitteilung nr\.?|nr\.)\s*:?\s*\d",
            _doc_type_line("de"),
            r"^(datum der veröffentlichung|veröffentlichungsdatum|veröffentlicht am|einzelheiten|"
            r"autor(in)?)\s*:?(\s*\d.*)?$",
        ],
        "said": [r"\b(sagt|sagte|erklärt|erklärte|betont|betonte|ergänzt|ergänzte|so)\b"],
        "job_title": [
            r"(leiter(in)?|sprecher(in)?|referent(in)?|geschäftsführer(in)?|vorstand|"
            r"kommunikation|öffentlichkeitsarbeit|presse)",
        ],
        "org_about": [
            r"\b(ist|sind) (ein|eine|der|die|das) .{0,80}(organisation|unternehmen|verband|"
            r"behörde|einrichtung|stiftung|netzwerk|institut|verein|bündnis|anbieter|hersteller)",
            r"\bgegründet\b",
            r"\bmit sitz in\b",
        ],
        "end": [*_END, r"^[-–—]*\s*ende\s*[-–—]*$"],
    },
    "fr": {
        "release": [
            r"^communiqué( de presse)?\s*[:.]?$",
            r"pour (diffusion|publication) immédiate",
            r"^communiqué de presse\b.{0,30}immédiat",
        ],
        "embargo": [r"^(sous )?embargo\b", r"^ne pas (publier|diffuser) avant\b"],
        "contact": [
            r"^contacts? (presse|médias?|pour la presse)\b",
            r"^(relations? (presse|médias)|service de presse|attachée? de presse)\s*(:|$)",
            r"^pour (plus d'informations|toute information|en savoir plus|tout renseignement),? "
            r"(veuillez )?(contacter|s'adresser)",
            r"^contacts?\s*:?$",
        ],
        "about": [
            r"^(à|a) propos (de |du |des |d['’])",
            r"^notes? (aux|pour les) (rédactions|rédacteurs|éditeurs)\b",
            r"^(informations|note) (aux|pour les) rédactions",
        ],
        "links": [
            r"^(pour en savoir plus|plus d['’]informations|liens utiles|pour plus d['’]informations)"  # noqa: E501
            r"\s*:?$"
        ],
        "social": [r"^suivez[- ]nous\b", r"^retrouvez[- ]nous\b"],
        "chrome": [
            r"^(aller au contenu|imprimer|partager|accueil|rechercher|menu|retour en haut|"
            r"s'abonner|lire la suite|voir tout)$",
            rf"^({SHARE_LABELS['fr']})\s*:?$",
            r"^(nous utilisons des cookies|ce site utilise des cookies|tout accepter)",
            r"^(articles?|actualités) (liés|similaires|connexes|associées)",
            r"^(dernière mise à jour|mis à jour le)",
            r"^(mentions légales|plan du site|accessibilité|données personnelles)$",
            r"^(continuer à lire|autres langues( disponibles)?\s*:|transcription du contenu)",
            r"^si votre navigateur n",
        ],
        "meta": [
            r"^(date|publié le|mis en ligne)\s*:?\s*\d",
            _doc_type_line("fr"),
            r"^(date de publication|numéro de (publication|communiqué))\s*:",
        ],
        "said": [
            r"\b(a déclaré|déclare|a dit|a souligné|souligne|explique|a expliqué|selon|"
            r"a ajouté|ajoute|affirme|a affirmé)\b"
        ],
        "job_title": [
            r"(directeur|directrice|porte-parole|responsable|chargée? de|attachée? de presse|"
            r"président|présidente|conseill(er|ère)|communication)",
        ],
        "org_about": [
            r"\b(est|sont) (un|une|le|la|l['’]) ?.{0,80}(organisation|entreprise|agence|"
            r"association|fondation|institution|réseau|société|organisme|fédération|groupe)",
            r"\bfondée? en \d{4}\b",
        ],
        "end": [*_END, r"^[-–—]*\s*fin\s*[-–—]*$"],
    },
    "es": {
        "release": [
            r"^(nota de prensa|comunicado de prensa|comunicado)\s*[:.]?$",
            r"para (su )?(difusión|publicación|distribución) inmediata",
        ],
        "embargo": [r"^(embargo|embargad[oa]|bajo embargo)\b", r"^no (publicar|difundir) antes\b"],
        "contact": [
            r"^contactos? (de prensa|para (los )?medios|con (los )?medios|de comunicación)\b",
            r"^(gabinete|oficina|departamento) de (prensa|comunicación)\b",
            r"^(relaciones con (los )?medios|prensa)\s*:",
            r"^para (más|mayor) información,? (contacte|contactar|póngase|dirigirse)",
            r"^contactos?\s*:?$",
        ],
        "about": [
            r"^(acerca del?|sobre)\s+(la |el |los |las )?\S",
            r"^notas? (para|a) (los )?(editores|redactores|la redacción)\b",
        ],
        "links": [
            r"^(más información|para más información|enlaces( relacionados| de interés)?)\s*:?$"
        ],
        "social": [r"^(síguenos|siganos|síganos)\b"],
        "chrome": [
            r"^(ir al contenido|imprimir|compartir|inicio|buscar|menú|volver arriba|"
            r"suscríbete|leer más|ver todo)$",
            rf"^({SHARE_LABELS['es']})\s*:?$",
            r"^(utilizamos cookies|este sitio (web )?utiliza cookies|aceptar (todas|cookies))",
            r"^(noticias|artículos) (relacionad[oa]s|similares)",
            r"^(última actualización|actualizado el)",
            r"^(aviso legal|mapa del sitio|accesibilidad|política de privacidad)$",
            r"^(seguir leyendo|otros idiomas( disponibles)?\s*:|transcripción del contenido)",
            r"^si su navegador no\b",
            r"^»?\s*in english$",
        ],
        "meta": [
            r"^(fecha|publicado)\s*:?\s*\d",
            _doc_type_line("es"),
            r"^(fecha de (publicación|emisión|difusión)|número de (publicación|comunicado))\s*:",
        ],
        "said": [r"\b(dijo|afirmó|declaró|señaló|explicó|aseguró|según|añadió|destacó|subrayó)\b"],
        "job_title": [
            r"(director|directora|portavoz|responsable|jefe|jefa|presidente|presidenta|"
            r"coordinador(a)?|comunicación|prensa)",
        ],
        "org_about": [
            r"\b(es|son) (un|una|el|la) .{0,80}(organización|empresa|agencia|asociación|"
            r"fundación|institución|red|entidad|organismo|federación|grupo)",
            r"\bfundad[oa] en \d{4}\b",
        ],
        "end": [*_END, r"^[-–—]*\s*fin\s*[-–—]*$"],
    },
}
"""Phrase cues by language; a block's cue is on when a pattern of any language matches."""

STOP_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "said", "was",
           "by", "this", "will", "are", "from", "at", "as", "have", "has", "its", "their"),
    "de": ("der", "die", "das", "und", "ist", "nicht", "mit", "von", "für", "auf", "den",
           "dem", "ein", "eine", "sich", "auch", "wird", "werden", "zu", "im", "des", "sagte"),
    "fr": ("le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "du",
           "sur", "avec", "par", "pas", "plus", "sont", "au", "aux", "cette", "été"),
    "es": ("el", "la", "los", "las", "y", "que", "del", "por", "para", "con", "una", "es",
           "se", "su", "al", "como", "más", "sus", "ha", "han", "este", "esta"),
}  # fmt: skip
"""Common words of each language, to tell the language of a source without metadata."""

SENTENCE_STARTERS: dict[str, tuple[str, ...]] = {
    "en": ("The", "This", "These", "Today", "Tomorrow", "Yesterday", "Our", "We"),
    "de": ("Der", "Die", "Das", "Heute", "Am", "Zum", "Zur", "Mit", "Nach"),
    "fr": ("Le", "La", "Les", "Aujourd'hui", "Aujourd’hui", "Cette", "Ce"),
    "es": ("El", "La", "Los", "Las", "Hoy", "Este", "Esta"),
}  # fmt: skip
"""Words that open a release's first sentence; one right after a title's last word, with no
full stop between, shows a title and its lead run together (:mod:`.runs`)."""

PHONE_LABELS: dict[str, tuple[str, ...]] = {
    "mobile": ("mobile", "mob", "cell", "cellphone", "mobil", "handy", "portable", "móvil",
               "movil", "celular", "gsm"),
    "office": ("office", "work", "direct", "büro", "oficina", "desk", "fixe", "bureau"),
    "": ("tel", "telephone", "phone", "ph", "telefon", "téléphone", "tél", "teléfono", "tfno"),
    "fax": ("fax", "telefax"),
    "today": ("today", "tonight", "weekend", "after hours", "24/7", "24 hours", "on site"),
}  # fmt: skip
"""Words near a phone number that become its label (the key), such as "(mobile)"; the
words under "" only say "phone" and give no label."""

MENU_WORDS = frozenset({
    "home", "about", "news", "newsroom", "media", "multimedia", "publications", "maps",
    "imagery", "data", "tools", "education", "jobs", "careers", "partnerships", "library",
    "contact", "events", "topics", "programs", "services", "resources", "research", "science",
    "search", "help", "faq", "blog", "podcasts", "videos", "photos", "images", "subscribe",
    "social", "login", "menu", "grants", "regulations", "laws", "offices", "newsletter",
    "calendar", "speeches", "testimony", "reports", "archive", "archives", "sitemap",
    "startseite", "aktuelles", "presse", "themen", "kontakt", "karriere", "veranstaltungen",
    "publikationen", "accueil", "actualités", "emplois", "thèmes", "événements", "inicio",
    "noticias", "prensa", "contacto", "publicaciones", "eventos", "empleo", "temas",
})  # fmt: skip
"""Words of a site's menu. A line of five words or more, most of them these and no
sentence, is a menu that lost its line breaks (feature ``menu``)."""

AGENCY_WORDS = (
    "Administration", "Agency", "Authority", "Board", "Bureau", "Commission", "Corporation",
    "Corps", "Council", "Department", "Foundation", "Institute", "Office", "Service", "Survey",
)  # fmt: skip
"""The last word of a US agency's name ("… Safety Board", "… Naturalization Service"): the
letterhead cue, the agency-name line and the issuer's description all end a name with one."""
_AGENCY_WORD = "|".join(AGENCY_WORDS)

ISSUER = (
    r"^(u\.s\.|united states) (department of (the )?[\w&]+( (and|&) [\w]+)?( [\w]+)?|"
    rf"[\w ]{{0,90}}({_AGENCY_WORD}|region))$"  # letterhead
    r"|^(office|agence|agencia|oficina|amt|bureau) (\w+ ){0,2}(de|du|des|der|für|for|of)\b"
    r"|^(conseil|cour|parlement|commission|council|court|parliament|rat|gerichtshof|consejo|"
    r"tribunal)\b.{0,40}\b(union européenne|european union|europäischen union|unión europea)$"
    r"|^public affairs\b|^(national )?(institutes?|centers?|centres?|"
    r"council|foundation|survey)\s+(of|for|on)\b|^(department|office|agency|bureau|ministry|"
    r"administration|commission|directorate|ministerium|ministère|ministerio|vertretung|"
    r"représentation|representación)\s+(of|for|de|du|des|der|für|in|en)\b"
    r"|^.{0,60}?\b(office of (public affairs|communications|the spokesperson|media relations)|"
    r"public affairs( office)?|press office|communications office)(,? region \w+)?$"
    r"|^[\w.&]{2,8}\s*\((department|ministry|office|agency|bureau) [^()]{3,50}\)$"  # DOD (…)
)
"""First words of a line that names the issuing body ("Department of Justice", "Office of
Public Affairs"): such a short line under a headline is the letterhead, not a subheadline."""

FOR_MORE_INFORMATION = {
    "en": "for more information",
    "de": "(?:für )?weitere informationen",
    "fr": "pour plus d['’]informations",
    "es": "para más información",
}
"""The label before the people to contact in a paragraph: "(Pour plus d'informations: …)"."""

NOT_NAME_WORDS = frozenset({
    "media", "advisory", "news", "press", "release", "releases", "contact", "contacts",
    "information", "daily", "statement", "commission", "department", "office", "agency",
    "newsroom", "presse", "kontakt", "prensa", "contacto", "communiqué", "fecha", "datum",
    "número", "date", "archived", "home", "page", "continue", "reading", "weitere",
    "informationen", "further", "more", "información", "informations", "plus", "share",
    "twitter", "facebook", "linkedin", "email", "print", "tweet", "related", "the", "this",
    "our", "we",
})  # fmt: skip
"""Words of a release's labels that make a line two capitalised words long, like a name."""

TITLE_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with", "vs", "via", "de", "la", "le", "les", "des", "du", "et", "à", "au", "aux",
    "el", "los", "las", "y", "en", "del", "con", "por", "para", "der", "die", "das", "und",
    "von", "zu", "im", "mit", "für", "den", "dem",
})  # fmt: skip
"""Words a headline in title case leaves in lower case (feature ``title_case``)."""


# -- weights ----------------------------------------------------------------------------
# A role's score for a block is its bias plus the weight of each feature the block has
# (features are 0..1). Positive: evidence for the role; negative: evidence against.

_NO_CUE = {
    "cue_release": -4, "cue_embargo": -4, "cue_contact": -4, "cue_about": -4, "cue_links": -3,
    "cue_end": -6, "cue_chrome": -3, "cue_meta": -3,
}  # fmt: skip

WEIGHTS: dict[Role, dict[str, float]] = {
    Role.RELEASE_LINE: {
        "bias": -4, "cue_release": 7.5, "cue_embargo": 7, "early": 1, "short": 0.5,
        "sentence": -2, "long": -4, "email": -3, "phone": -3, "chrome": -3,
    },
    Role.HEADLINE: {
        **_NO_CUE, "bias": -2.5, "title_style": 4, "big": 3, "bold": 1.2, "centred": 1,
        "caps": 1.2, "early": 2, "first_text": 2, "matches_title": 4.5, "short": 0.6,
        "sentence": -1.2, "long": -3, "cue_said": -2, "email": -5, "phone": -5, "url": -3,
        "late": -4, "date_only": -4, "list_item": -3, "table_cell": -2, "chrome": -3,
        "dateline_start": -3, "person_name": -1.5, "very_short": -1.5, "italic": -0.5,
        "repeated_later": 1.5, "repeats_earlier": -4, "before_lead": 2.5, "title_case": 1,
        "handle": -2, "after_end": -3, "after_label": 2, "menu": -4, "truncated_copy": -3,
        "hashtag": -2.5, "issuer": -4, "address": -3, "title_above_lead": 2.5,
        "advisory_field": -4, "caption": -2,
        "shares_lead": 2, "foreign_to_lead": -1.5, "no_words": -6,
        "type_prefix": 2,
    },
    Role.SUBHEADLINE: {
        **_NO_CUE, "bias": -3.2, "italic": 1.5, "heading": 0.8, "bold": 0.4, "early": 1.5,
        "short": 0.5, "long": -2, "big": 0.6, "centred": 0.4, "email": -5, "phone": -5,
        "late": -4, "list_item": -2, "table_cell": -2, "chrome": -3, "cue_said": -1.5,
        "dateline_start": -4, "date_only": -3, "person_name": -1.5, "url": -2,
        "title_style": -1, "very_short": -1, "title_case": -0.8, "before_lead": 1.5,
        "dated_line": -2, "issuer": -2.5, "caps": -1.5, "advisory_field": -4, "under_title": 2,
    },
    Role.DATELINE: {"bias": -4, "date_only": 6.5, "early": 1, "sentence": -3, "chrome": -2},
    Role.BODY: {
        "bias": 0.3, "sentence": 2, "long": 1.5, "cue_said": 1, "dateline_start": 3.5,
        "in_main": 0.6, "list_item": 0.5, "email": -1.5, "phone": -2, "cue_contact": -3.5,
        "cue_about": -2, "cue_release": -5, "cue_embargo": -4, "cue_end": -7, "chrome": -4,
        "cue_chrome": -5, "cue_meta": -2.5, "only_url": -2.5, "person_name": -1.5,
        "very_short": -1, "date_only": -3, "cue_social": -2, "cue_links": -2, "top_short": -1.5,
        "before_credit": -5, "after_end": -4, "ends_with_date": -2, "no_words": -3,
        "advisory_field": 3.5, "caption": -4, "closing_about": -2.5,
    },
    Role.LINKS: {
        "bias": -3, "cue_links": 5.5, "only_url": 2, "url": 1.5, "list_item": 0.4,
        "sentence": -1, "late": 0.5, "email": -2, "phone": -2, "chrome": -1.5, "early": -1.5,
    },
    Role.END_MARK: {"bias": -6, "cue_end": 10},
    Role.BOILERPLATE: {
        "bias": -3, "cue_about": 6.5, "cue_org_about": 2.6, "late": 1, "sentence": 0.5,
        "email": -1, "phone": -1.5, "early": -2.5, "chrome": -2, "cue_said": -1.5,
        "dateline_start": -4, "cue_contact": -2, "prose_after_end": 3, "closing_about": 6,
    },
    Role.CONTACT: {
        "bias": -2.7, "cue_contact": 7, "email": 3.5, "phone": 3.5, "person_name": 1.5,
        "cue_job_title": 1.2, "short": 0.5, "line": 0.5, "table_cell": 0.6, "sentence": -3.5,
        "advisory_field": -3,
        "long": -3, "cue_said": -2, "chrome": -1, "dateline_start": -4, "cue_about": -2,
    },
    Role.SOCIAL: {
        "bias": -3.5, "cue_social": 5, "handle": 2, "url": 1, "only_url": 1, "late": 1,
        "sentence": -1.5, "early": -1, "email": -1.5, "phone": -1.5,
    },
    Role.NOT_PLACED: {
        "bias": -1.5, "cue_chrome": 4.5, "chrome": 4.5, "cue_meta": 4.5, "very_short": 0.3,
        "date_only": 1.5, "sentence": -1.5, "repeats_earlier": 5, "top_short": 1.5,
        "before_credit": 6, "ends_with_date": 1.5, "menu": 5, "truncated_copy": 3,
        "no_words": 2, "dated_line": 1, "issuer": 1.5, "address": 1, "caption": 4,
    },
}  # fmt: skip

_TOP = (Role.RELEASE_LINE, Role.HEADLINE, Role.SUBHEADLINE, Role.DATELINE)
_BOTTOM = (Role.BODY, Role.BOILERPLATE, Role.END_MARK, Role.LINKS, Role.SOCIAL)

TRANSITIONS: dict[tuple[Role, Role], float] = {
    (Role.CONTACT, Role.CONTACT): 2.2,
    (Role.BOILERPLATE, Role.BOILERPLATE): 3.2,
    (Role.BODY, Role.BODY): 1.0,
    (Role.LINKS, Role.LINKS): 1.8,
    (Role.SOCIAL, Role.SOCIAL): 1.2,
    (Role.NOT_PLACED, Role.NOT_PLACED): 0.5,
    (Role.HEADLINE, Role.HEADLINE): -4,
    (Role.SUBHEADLINE, Role.SUBHEADLINE): -3,
    (Role.RELEASE_LINE, Role.RELEASE_LINE): -0.5,
    (Role.END_MARK, Role.END_MARK): -3,
    (Role.DATELINE, Role.DATELINE): -3,
    (Role.HEADLINE, Role.SUBHEADLINE): 1.8,
    (Role.RELEASE_LINE, Role.HEADLINE): 1,
    (Role.DATELINE, Role.BODY): 1,
    (Role.HEADLINE, Role.BODY): 0.5,
    (Role.BOILERPLATE, Role.BODY): -3.5,
    (Role.END_MARK, Role.BODY): -5,
    (Role.SOCIAL, Role.BODY): -2,
    (Role.LINKS, Role.BODY): -1.5,
    (Role.CONTACT, Role.BOILERPLATE): -0.5,
    (Role.BODY, Role.BOILERPLATE): -0.5,
    (Role.BODY, Role.SUBHEADLINE): -4,
    **{(late, top): -5.0 for late in _BOTTOM for top in _TOP},
}
"""Score added when a block of one role follows a block of another (the first says prev)."""
