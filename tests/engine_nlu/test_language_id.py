"""Language identification (engine environment)."""

from __future__ import annotations

from bot.engine_nlu.char_ngrams import CharNgramModel
from bot.engine_nlu.language_id import LanguageIdentifier, ethiopic_language, shared_words

SAMPLES = [
    ("hello how are you", "en"), ("where do i go to ask for asylum", "en"), ("how long does it take", "en"),
    ("hoi hoe gaat het", "nl"), ("waar moet ik asiel aanvragen", "nl"), ("hoe lang duurt het", "nl"),
    ("merhaba nasilsin", "tr"), ("iltica icin nereye gitmeliyim", "tr"), ("ne kadar surer", "tr"),
    ("silav tu çawa yî", "ku"), ("ez ji bo penaberiyê diçim ku", "ku"), ("çiqas dem digire", "ku"),
    ("sidee tahay", "so"), ("xaggee ayaan magangalyo ka codsadaa", "so"), ("intee ayay qaadanaysaa", "so"),
    ("مرحبا كيف حالك", "ar"), ("وين لازم اروح حتى اطلب لجوء", "ar"), ("قديش بياخد وقت", "ar"),
    ("سلام چطوری", "fa"), ("کجا باید برم برای پناهندگی", "fa"), ("چقدر طول میکشه", "fa"),
]


def identifier(**config) -> LanguageIdentifier:
    return LanguageIdentifier(config, None, None, CharNgramModel.fit(SAMPLES))  # type: ignore[arg-type]


def test_detects_latin_and_arabic_script_languages():
    lid = identifier()
    assert lid.identify("hoe lang moet ik wachten op het gesprek", None)["code"] == "nl"
    assert lid.identify("ne kadar beklemem gerekiyor", None)["code"] == "tr"
    assert lid.identify("چقدر باید منتظر بمانم", None)["code"] == "fa"
    assert lid.identify("قديش لازم استنى", None)["code"] == "ar"


def test_the_chosen_language_wins_over_an_unclear_message():
    record = identifier().identify("ok", "ar")
    assert record == {"code": "ar", "source": "metadata", "chosen": "ar", "confidence": 1.0}


def test_a_long_message_in_another_language_is_detected_despite_the_choice():
    record = identifier().identify("waar moet ik asiel aanvragen alsjeblieft", "ar")
    assert (record["code"], record["source"], record["chosen"]) == ("nl", "detected", "ar")


def test_short_messages_without_a_choice_stay_undetermined_but_carry_a_guess():
    record = identifier().identify("hoi", None)
    assert record["source"] == "undetermined"


def test_ethiopic_script_is_tigrinya_unless_it_reads_as_amharic():
    assert ethiopic_language("ሰላም ከመይ ኣለኹም እንታይ ክገብር ኣለኒ") == "ti"
    assert ethiopic_language("ሰላም እንዴት ነህ ምንድን ነው የት መሄድ እፈልጋለሁ") == "am"
    lid = identifier()
    assert lid.identify("ሰላም", None)["code"] == "ti"
    amharic = lid.identify("እንዴት ነው የት መሄድ እፈልጋለሁ", None)
    assert amharic["code"] == "am" and amharic["source"] == "undetermined"


def test_model_survives_serialisation():
    model = CharNgramModel.fit(SAMPLES)
    again = CharNgramModel.from_dict(model.to_dict())
    assert again.probabilities("hoe lang duurt het") == model.probabilities("hoe lang duurt het")


def test_loanwords_every_language_uses_do_not_decide_the_language():
    samples = [*SAMPLES] + [(f"voornemen gemeente {w}", lang) for w, lang in
                            [("what", "en"), ("wat", "nl"), ("ne", "tr"), ("chi", "fa"), ("maxay", "so")]]
    shared = shared_words(samples, languages=5)
    assert {"voornemen", "gemeente"} <= shared and "what" not in shared
    lid = LanguageIdentifier({}, None, None)  # type: ignore[arg-type]
    lid.shared = shared
    lid.model = CharNgramModel.fit((lid.without_shared(t), lang) for t, lang in samples)
    assert lid.identify("i got voornemen from the gemeente", None)["code"] == "en"


def test_a_few_ethiopic_letters_outweigh_dutch_loanwords():
    assert identifier().identify("voornemen tot afwijzing እንታይ እዩ", None)["code"] == "ti"
