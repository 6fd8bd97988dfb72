"""Compare offline language detectors on short posts: accuracy, installed size and the
time to the first answer (import and model load), then the time per post.

    python scripts/compare_langdetect.py     # in an environment with the candidates

The posts are short drafts written for this comparison (English, Spanish, German,
French, and Italian, Portuguese and Dutch as near neighbours); a detector is right when
its first answer is the post's language.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import time
from pathlib import Path

POSTS = {
    "en": ["Had a great week with the team, thanks everyone!",
           "New blog post: how we cut our build times in half.",
           "Can't believe it's already December. Where did the year go?",
           "We're hiring! Come build the future of payments with us.",
           "Coffee first, then emails. Happy Monday, folks.",
           "Our store will be closed on Friday for the holiday.",
           "Just finished my first marathon and my legs hate me.",
           "Big thanks to everyone who came to the meetup last night.",
           "The new update fixes the login bug. Please restart the app.",
           "Who else is watching the game tonight?"],
    "es": ["¡Qué semana tan buena con el equipo, gracias a todos!",
           "Nuevo artículo en el blog: cómo redujimos el tiempo de compilación.",
           "No puedo creer que ya sea diciembre. ¿Dónde se fue el año?",
           "¡Estamos contratando! Ven a construir el futuro con nosotros.",
           "Primero café, luego correos. Feliz lunes a todos.",
           "La tienda estará cerrada el viernes por el día festivo.",
           "Acabo de terminar mi primer maratón y me duelen las piernas.",
           "Gracias a todos los que vinieron anoche al encuentro.",
           "La nueva versión arregla el error de inicio de sesión.",
           "¿Quién más va a ver el partido esta noche?"],
    "de": ["Was für eine tolle Woche mit dem Team, danke an alle!",
           "Neuer Blogartikel: wie wir unsere Build-Zeiten halbiert haben.",
           "Kaum zu glauben, dass schon Dezember ist. Wo ist das Jahr hin?",
           "Wir stellen ein! Baut mit uns die Zukunft des Bezahlens.",
           "Erst Kaffee, dann E-Mails. Schönen Montag euch allen.",
           "Unser Laden bleibt am Freitag wegen des Feiertags geschlossen.",
           "Gerade meinen ersten Marathon beendet, meine Beine hassen mich.",
           "Danke an alle, die gestern Abend zum Treffen gekommen sind.",
           "Das neue Update behebt den Fehler bei der Anmeldung.",
           "Wer schaut heute Abend noch das Spiel?"],
    "fr": ["Quelle belle semaine avec l'équipe, merci à tous !",
           "Nouvel article de blog : comment nous avons réduit nos temps de build.",
           "Je n'arrive pas à croire qu'on soit déjà en décembre.",
           "On recrute ! Venez construire l'avenir du paiement avec nous.",
           "D'abord le café, ensuite les mails. Bon lundi à tous.",
           "Notre boutique sera fermée vendredi pour le jour férié.",
           "Je viens de finir mon premier marathon et j'ai mal aux jambes.",
           "Merci à tous ceux qui sont venus à la rencontre hier soir.",
           "La nouvelle mise à jour corrige le bug de connexion.",
           "Qui d'autre regarde le match ce soir ?"],
    "it": ["Che bella settimana con la squadra, grazie a tutti!",
           "Nuovo articolo sul blog: come abbiamo dimezzato i tempi di build.",
           "Il negozio resterà chiuso venerdì per la festa.",
           "Chi altro guarda la partita stasera?"],
    "pt": ["Que semana ótima com a equipe, obrigado a todos!",
           "Novo artigo no blog: como reduzimos o tempo de compilação.",
           "A loja vai estar fechada na sexta-feira por causa do feriado.",
           "Quem mais vai ver o jogo hoje à noite?"],
    "nl": ["Wat een geweldige week met het team, bedankt allemaal!",
           "Nieuw blogartikel: hoe we onze buildtijden hebben gehalveerd.",
           "Onze winkel is vrijdag gesloten vanwege de feestdag.",
           "Wie kijkt er vanavond nog meer naar de wedstrijd?"],
}


def simplemma_detector():
    from simplemma import langdetect
    langs = tuple(POSTS)
    return lambda text: langdetect(text, lang=langs)[0][0]


def py3langid_detector():
    import py3langid
    return lambda text: py3langid.classify(text)[0]


def pycld2_detector():
    import pycld2
    return lambda text: pycld2.detect(text)[2][0][1]


def langdetect_detector():
    import langdetect
    langdetect.DetectorFactory.seed = 0
    return lambda text: langdetect.detect(text)[:2]


CANDIDATES = {"simplemma": simplemma_detector, "py3langid": py3langid_detector,
              "pycld2": pycld2_detector, "langdetect": langdetect_detector}


def size_mb(dist: str) -> float:
    files = importlib.metadata.distribution(dist).files or []
    return sum(Path(f.locate()).stat().st_size for f in files if Path(f.locate()).is_file()) / 1e6


def first_answer_seconds(name: str) -> float:
    code = (f"import time; t = time.perf_counter(); import compare_langdetect as c; "
            f"c.CANDIDATES[{name!r}]()('Hola a todos'); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent,
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> int:
    posts = [(lang, text) for lang, texts in POSTS.items() for text in texts]
    print(f"{'detector':<12}{'right':>6}{'of':>4}  size MB  first s  ms/post  wrong")
    for name, make in CANDIDATES.items():
        try:
            detect = make()
        except ImportError:
            print(f"{name:<12} not installed")
            continue
        start = time.perf_counter()
        wrong = [(lang, got, text) for lang, text in posts if (got := detect(text)) != lang]
        per_post = (time.perf_counter() - start) / len(posts) * 1000
        print(f"{name:<12}{len(posts) - len(wrong):>6}{len(posts):>4}  {size_mb(name):7.1f}"
              f"  {first_answer_seconds(name):7.2f}  {per_post:7.2f}  "
              + "; ".join(f"{lang}->{got}" for lang, got, _ in wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
