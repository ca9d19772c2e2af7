package dev.backloop.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plural of a model name, the way LoopBack 3 computes a model's default {@code plural}: with the npm
 * {@code inflection} package (1.13.x, what loopback-datasource-juggler's {@code ^1.6.0} resolves to).
 *
 * <p>The result must match LoopBack's byte for byte, because it becomes the REST path
 * ({@code /api/People}) that existing clients call. So the rules keep inflection's quirks on purpose:
 * words already looking plural are left alone ({@code Data}, {@code Quota}, {@code Bonus} stay),
 * {@code Octopus} becomes {@code Octopuses}, and there are no Rails-style irregulars ({@code Cow} is
 * {@code Cows}). Rules are tried in order and the first match wins; case-insensitive, the captured
 * letters keep their case ({@code Person} → {@code People}).
 */
public final class Pluralizer {

    /** Words inflection leaves unchanged; compared with the whole name, lower-cased. */
    private static final Set<String> UNCOUNTABLE = Set.of(
            "accommodation", "adulthood", "advertising", "advice", "aggression", "aid", "air", "aircraft",
            "alcohol", "anger", "applause", "arithmetic", "assistance", "athletics", "bacon", "baggage", "beef",
            "biology", "blood", "botany", "bread", "butter", "carbon", "cardboard", "cash", "chalk", "chaos",
            "chess", "crossroads", "countryside", "dancing", "deer", "dignity", "dirt", "dust", "economics",
            "education", "electricity", "engineering", "enjoyment", "envy", "equipment", "ethics", "evidence",
            "evolution", "fame", "fiction", "flour", "flu", "food", "fuel", "fun", "furniture", "gallows",
            "garbage", "garlic", "genetics", "gold", "golf", "gossip", "gratitude", "grief", "guilt",
            "gymnastics", "happiness", "hardware", "harm", "hate", "hatred", "health", "heat", "help",
            "homework", "honesty", "honey", "hospitality", "housework", "humour", "hunger", "hydrogen", "ice",
            "importance", "inflation", "information", "innocence", "iron", "irony", "jam", "jewelry", "judo",
            "karate", "knowledge", "lack", "laughter", "lava", "leather", "leisure", "lightning", "linguine",
            "linguini", "linguistics", "literature", "litter", "livestock", "logic", "loneliness", "luck",
            "luggage", "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics",
            "mayonnaise", "measles", "methane", "milk", "minus", "money", "mud", "music", "mumps", "nature",
            "news", "nitrogen", "nonsense", "nurture", "nutrition", "obedience", "obesity", "oxygen", "pasta",
            "patience", "physics", "poetry", "pollution", "poverty", "pride", "psychology", "publicity",
            "punctuation", "quartz", "racism", "relaxation", "reliability", "research", "respect", "revenge",
            "rice", "rubbish", "rum", "safety", "scenery", "seafood", "seaside", "series", "shame", "sheep",
            "shopping", "sleep", "smoke", "smoking", "snow", "soap", "software", "soil", "spaghetti", "species",
            "steam", "stuff", "stupidity", "sunshine", "symmetry", "tennis", "thirst", "thunder", "timber",
            "traffic", "transportation", "trust", "underwear", "unemployment", "unity", "validity", "veal",
            "vegetation", "vegetarianism", "vengeance", "violence", "vitality", "warmth", "wealth", "weather",
            "welfare", "wheat", "wildlife", "wisdom", "yoga", "zinc", "zoology");

    /** One rule: a pattern and its replacement; a {@code null} replacement keeps the word as is. */
    private record Rule(Pattern pattern, String replacement) {
        static Rule keep(String regex) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), null);
        }

        static Rule replace(String regex, String replacement) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
        }
    }

    private static final List<Rule> RULES = List.of(
            // Already plural: left unchanged.
            Rule.keep("^(m|wom)en$"),
            Rule.keep("(pe)ople$"),
            Rule.keep("(child)ren$"),
            Rule.keep("([ti])a$"),
            Rule.keep("((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$"),
            Rule.keep("(database)s$"),
            Rule.keep("(drive)s$"),
            Rule.keep("(hi|ti)ves$"),
            Rule.keep("(curve)s$"),
            Rule.keep("([lr])ves$"),
            Rule.keep("([^fo])ves$"),
            Rule.keep("([^aeiouy]|qu)ies$"),
            Rule.keep("(s)eries$"),
            Rule.keep("(m)ovies$"),
            Rule.keep("(x|ch|ss|sh)es$"),
            Rule.keep("([m|l])ice$"),
            Rule.keep("(bus)es$"),
            Rule.keep("(o)es$"),
            Rule.keep("(shoe)s$"),
            Rule.keep("(cris|ax|test)es$"),
            Rule.keep("(octop|vir)uses$"),
            Rule.keep("(alias|canvas|status|campus)es$"),
            Rule.keep("^(summons|bonus)es$"),
            Rule.keep("^(ox)en"),
            Rule.keep("(matr)ices$"),
            Rule.keep("^feet$"),
            Rule.keep("^teeth$"),
            Rule.keep("^geese$"),
            Rule.keep("(quiz)zes$"),
            Rule.keep("^(whereas)es$"),
            Rule.keep("^(criteri)a$"),
            Rule.keep("^genera$"),
            // Singular to plural.
            Rule.replace("^(m|wom)an$", "$1en"),
            Rule.replace("(pe)rson$", "$1ople"),
            Rule.replace("(child)$", "$1ren"),
            Rule.replace("(drive)$", "$1s"),
            Rule.replace("^(ox)$", "$1en"),
            Rule.replace("(ax|test)is$", "$1es"),
            Rule.replace("(octop|vir)us$", "$1uses"),
            Rule.replace("(alias|status|canvas|campus)$", "$1es"),
            Rule.replace("^(summons|bonus)$", "$1es"),
            Rule.replace("(bu)s$", "$1ses"),
            Rule.replace("(buffal|tomat|potat)o$", "$1oes"),
            Rule.replace("([ti])um$", "$1a"),
            Rule.replace("sis$", "ses"),
            Rule.replace("(?:([^f])fe|([lr])f)$", "$1$2ves"),
            Rule.replace("(hi|ti)ve$", "$1ves"),
            Rule.replace("([^aeiouy]|qu)y$", "$1ies"),
            Rule.replace("(matr)ix$", "$1ices"),
            Rule.replace("(vert|ind)ex$", "$1ices"),
            Rule.replace("(x|ch|ss|sh)$", "$1es"),
            Rule.replace("([m|l])ouse$", "$1ice"),
            Rule.replace("^foot$", "feet"),
            Rule.replace("^tooth$", "teeth"),
            Rule.replace("^goose$", "geese"),
            Rule.replace("(quiz)$", "$1zes"),
            Rule.replace("^(whereas)$", "$1es"),
            Rule.replace("^(criteri)on$", "$1a"),
            Rule.replace("^genus$", "genera"),
            Rule.replace("s$", "s"),
            Rule.replace("$", "s"));

    private Pluralizer() {
    }

    /**
     * The plural LoopBack 3 gives {@code name} ({@code Book} → {@code Books}, {@code Person} →
     * {@code People}, {@code Category} → {@code Categories}).
     *
     * @param name a model name, not {@code null}
     * @return its plural; {@code name} itself when it is uncountable or already looks plural
     */
    public static String plural(String name) {
        if (name.isEmpty() || UNCOUNTABLE.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(name);
            if (matcher.find()) {
                // Java, like JavaScript, substitutes an unmatched group ($2 in the -fe rule) with nothing.
                return rule.replacement() == null ? name : matcher.replaceFirst(rule.replacement());
            }
        }
        return name;
    }
}
