package dev.backloop.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Todo, Todos",
            "Book, Books",
            "book, books",
            "Person, People",
            "person, people",
            "SalesPerson, SalesPeople",
            "Man, Men",
            "Woman, Women",
            "Human, Humans",
            "Child, Children",
            "Sex, Sexes",
            "Move, Moves",
            "Cow, Cows",
            "Zombie, Zombies",
            "Equipment, Equipment",
            "Information, Information",
            "rice, rice",
            "Money, Money",
            "Species, Species",
            "Series, Series",
            "Sheep, Sheep",
            "Deer, Deer",
            "News, News",
            "Fish, Fishes",
            "Category, Categories",
            "Day, Days",
            "Query, Queries",
            "Box, Boxes",
            "Bus, Buses",
            "Church, Churches",
            "Wish, Wishes",
            "Address, Addresses",
            "Wife, Wives",
            "Leaf, Leafs",
            "Wolf, Wolves",
            "Shelf, Shelves",
            "Half, Halves",
            "Hero, Heros",
            "Potato, Potatoes",
            "Tomato, Tomatoes",
            "Photo, Photos",
            "Matrix, Matrices",
            "Vertex, Vertices",
            "Index, Indices",
            "Octopus, Octopuses",
            "Virus, Viruses",
            "Status, Statuses",
            "Alias, Aliases",
            "Quiz, Quizzes",
            "Ox, Oxen",
            "Mouse, Mice",
            "Foot, feet",
            "Analysis, Analyses",
            "Axis, Axes",
            "Medium, Media",
            "Datum, Data",
            "Data, Data",
            "Quota, Quota",
            "Criterion, Criteria",
            "Hive, Hives",
            "Drive, Drives",
            "Database, Databases",
            "Gas, Gas",
            "Users, Users",
            "AccessToken, AccessTokens",
            "ACL, ACLs",
            "RoleMapping, RoleMappings",
            "UserInformation, UserInformations",
    })
    void pluralizesLikeInflection(String singular, String plural) {
        assertThat(Pluralizer.plural(singular)).isEqualTo(plural);
    }
}
