"""Language identification (engine environment)."""

from __future__ import annotations

from bot.engine_nlu.char_ngrams import CharNgramModel
from bot.engine_nlu.language_id import LanguageIdentifier, ethiopic_language, fit_script_models, shared_words

SAMPLES = [
    ("hello how are you", "en"), ("where do i go to ask for asylum", "en"), ("how long does it take", "en"),
    ("hoi hoe gaat het", "nl"), ("waar moet ik asiel aanvragen", "nl"), ("hoe lang duurt het", "nl"),
    ("merhaba nasilsin", "tr"), ("iltica icin nereye gitmeliyim", "tr"), ("ne kadar surer", "tr"),
    ("silav tu çawa yî", "ku"), ("ez ji bo penaberiyê diçim ku", "ku"), ("çiqas dem digire", "ku"),
    ("sidee tahay", "so"), ("xaggee ayaan magangalyo ka codsadaa", "so"), ("intee ayay qaadanaysaa", "so"),
    ("مرحبا كيف حالك", "ar"), ("وين لازم اروح حتى اطلب لجوء", "ar"), ("قديش بياخد وقت", "ar"),
    ("سلام چطوری", "fa"), ("کجا باید برم برای پناهندگی", "fa"), ("چقدر طول میکشه", "fa"),
]


ROMANISED_TIGRINYA = [("selam kemey aleka", "ti"), ("entay iyu ab ter apel", "ti"), ("kemey yikeyed", "ti"),
                      ("yekenyeley hawey", "ti"), ("entay kigebr alleni", "ti")]


def identifier(samples=SAMPLES, **config) -> LanguageIdentifier:
    lid = LanguageIdentifier({"min_script_examples": 3, **config}, None, None)  # type: ignore[arg-type]
    lid.learn(list(samples))
    return lid


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
                            [("what", "en"), ("wat", "nl"), ("ne", "tr"), ("chi", "fa"), ("maxay", "so"),
                             ("quoi", "fr"), ("que", "es"), ("çi", "ku"),
                             ("شو", "ar"), ("እንታይ", "ti")]]
    shared = shared_words(samples)
    assert {"voornemen", "gemeente"} <= shared and "what" not in shared
    assert identifier(samples).identify("i got voornemen from the gemeente", None)["code"] == "en"


def test_link_codes_and_numbers_say_nothing_about_the_language():
    lid = identifier()
    assert lid.without_shared("hoi mijn code is 7SM92-EELVB en V-nummer 1234") == "hoi mijn code is en V nummer"
    assert lid.without_shared("my code is ABCDE-fghjk") == "my code is"


def test_codes_and_numbers_do_not_count_as_words_for_a_clear_detection():
    lid = identifier([*SAMPLES, *ROMANISED_TIGRINYA])
    assert lid.identify("code ABCDE-FGHJK 12345", None)["source"] == "undetermined"
    assert lid.identify("code ABCDE-FGHJK 12345", "en")["code"] == "en"


def test_languages_with_enough_latin_examples_are_detected_in_latin_letters():
    lid = identifier([*SAMPLES, *ROMANISED_TIGRINYA])
    assert "ti" in lid.candidates["latin"]
    assert lid.identify("kemey aleka entay iyu", None)["code"] == "ti"
    assert lid.identify("hoe lang duurt het gesprek", None)["code"] == "nl"


def test_a_language_with_too_few_examples_in_a_script_is_not_guessed_in_it():
    models, candidates = fit_script_models([("selam kemey", "ti", "latin"), ("hello there", "en", "latin"),
                                            ("hi how are you", "en", "latin")], min_examples=2)
    assert candidates == {"latin": ["en"]} and set(models) == {"latin"}


def test_a_script_no_language_is_learnt_in_gets_no_guess():
    lid = identifier(min_script_examples=4)  # every language has only 3 examples
    assert lid.candidates == {} and lid.models == {}
    assert lid.identify("ne kadar beklemem gerekiyor", None) == {"code": None, "source": "undetermined",
                                                                  "chosen": None, "confidence": 0.0}
    assert lid.identify("ሰላም ከመይ ኣለኹም", None)["code"] == "ti"  # Ethiopic is decided by its own rules


def test_a_few_ethiopic_letters_outweigh_dutch_loanwords():
    assert identifier().identify("voornemen tot afwijzing እንታይ እዩ", None)["code"] == "ti"
