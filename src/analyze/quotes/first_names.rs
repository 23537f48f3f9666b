//! First names that tell a person's gender in most stories, for resolving
//! "he" and "she" to someone the story never calls either. Only names
//! given to one gender far more often than the other are listed (no
//! Jordan, Taylor, Alex, Chris, Jean or Andrea). Lowercase, sorted.

use super::lexicon::Gender;

#[rustfmt::skip]
const MALE: &[&str] = &[
    "aaron", "abdul", "abraham", "adam", "adrian", "ahmed", "alan", "albert", "alberto",
    "alejandro", "alexander", "alfred", "ali", "allen", "alvin", "amir", "anders", "andre",
    "andrew", "andy", "angelo", "anthony", "antonio", "arnold", "arthur", "barack", "barry",
    "ben", "benjamin", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris", "brad",
    "bradley", "brandon", "brendan", "brent", "brett", "brian", "bruce", "bryan", "carl",
    "carlos", "chad", "charles", "charlie", "chuck", "clarence", "claude", "clint", "cody",
    "colin", "corey", "craig", "curtis", "dale", "dan", "daniel", "danny", "darren", "dave",
    "david", "dean", "dennis", "derek", "diego", "dmitry", "dominic", "don", "donald",
    "doug", "douglas", "duncan", "dwight", "earl", "eddie", "edward", "elijah", "emmanuel",
    "enrique", "eric", "erik", "ernest", "eugene", "evan", "felipe", "fernando", "francis",
    "francisco", "frank", "fred", "frederick", "gabriel", "gary", "gavin", "gene", "geoff",
    "geoffrey", "george", "gerald", "gerard", "giovanni", "glenn", "gordon", "graham",
    "greg", "gregory", "hans", "harold", "harry", "hassan", "henry", "herbert", "howard",
    "hugh", "hugo", "ian", "igor", "isaac", "ivan", "jack", "jacob", "jake", "james",
    "jared", "jason", "javier", "jeb", "jeff", "jeffrey", "jeremy", "jerome", "jerry",
    "jesse", "jim", "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "jorge",
    "jose", "joseph", "josh", "joshua", "juan", "julian", "justin", "karl", "keith", "ken",
    "kenneth", "kevin", "kurt", "kyle", "larry", "lawrence", "leo", "leon", "leonard",
    "lewis", "lloyd", "louis", "luis", "luke", "malcolm", "manuel", "marc",
    "marco", "marcus", "mario", "mark", "martin", "matt", "matthew", "max", "michael",
    "miguel", "mike", "mitch", "mitchell", "mohamed", "mohammad", "mohammed", "muhammad",
    "nathan", "neil", "newt", "nicholas", "nick", "nigel", "noah", "norman", "oliver",
    "omar", "oscar", "owen", "pablo", "patrick", "paul", "pedro", "peter", "phil", "philip",
    "pierre", "rafael", "rahm", "ralph", "randy", "raul", "ray", "raymond", "reince",
    "ricardo", "richard", "rick", "rob", "robert", "roberto", "rodney", "roger", "roland",
    "ron", "ronald", "ross", "roy", "rudy", "russell", "ryan", "salvador", "samuel",
    "scott", "sean", "sebastian", "sergei", "sergio", "seth", "shane", "sheldon", "simon",
    "stanley", "stephen", "steve", "steven", "stuart", "ted", "theodore", "thomas", "tim",
    "timothy", "todd", "tom", "tommy", "tony", "travis", "trevor", "troy", "victor",
    "vincent", "vladimir", "walter", "warren", "wayne", "wesley", "william", "willie",
    "xavier", "yusuf", "zachary",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "abigail", "ada", "adriana", "agnes", "aisha", "alexandra", "alexis", "alice", "alicia",
    "alison", "allison", "amanda", "amelia", "amy", "ana", "angela", "angelina",
    "anita", "ann", "anna", "anne", "annette", "antonia", "barbara", "beatriz",
    "becky", "betsy", "betty", "beverly", "brenda", "bridget", "brittany", "camila", "carla",
    "carly", "carmen", "carol", "caroline", "carolyn", "catherine", "cecilia", "charlotte",
    "chelsea", "cheryl", "christina", "christine", "cindy", "claire", "claudia", "colleen",
    "cynthia", "daniela", "debbie", "deborah", "debra", "denise", "diana", "diane",
    "donna", "doris", "dorothy", "edith", "eleanor", "elena", "elisabeth", "elizabeth",
    "ella", "ellen", "emily", "emma", "erin", "eva", "evelyn", "fatima", "fiona", "florence",
    "frances", "gabriela", "gabrielle", "gina", "gloria", "hannah", "heather",
    "heidi", "helen", "hillary", "irene", "isabel", "isabella", "ivanka", "jacqueline",
    "jane", "janet", "janice", "jasmine", "jennifer", "jenny", "jessica", "jill", "joan",
    "joanna", "joanne", "josephine", "joyce", "judith", "judy", "julia", "julie",
    "karen", "katherine", "kathleen", "kathryn", "kathy", "katie", "kayleigh", "kellyanne",
    "kristen", "kristi", "kristin", "laura", "lauren", "linda", "lisa", "loretta", "lori",
    "louise", "lucia", "lucy", "lydia", "madeleine", "madison", "maggie", "margaret",
    "maria", "marie", "marilyn", "marion", "martha", "mary", "maxine", "megan", "megyn",
    "melania", "melanie", "melissa", "michelle", "mildred", "miriam", "molly", "monica",
    "nadia", "nancy", "naomi", "natalie", "natasha", "nicole", "nina", "nora", "olga",
    "olivia", "pamela", "patricia", "paula", "pauline", "peggy", "rachel",
    "rebecca", "regina", "rita", "roberta", "rosa", "ruth", "sabrina", "sally",
    "samantha", "sandra", "sara", "sarah", "sharon", "sheila", "shirley", "sofia", "sonia",
    "sophia", "sophie", "stacey", "stephanie", "susan", "suzanne", "sylvia", "tamara",
    "teresa", "theresa", "tiffany", "tina", "valerie", "vanessa", "veronica", "victoria",
    "virginia", "wendy", "yolanda", "yvonne", "zoe",
];

/// The gender a first name (lowercase) tells, if it tells one.
pub fn gender(low: &str) -> Option<Gender> {
    if MALE.binary_search(&low).is_ok() {
        Some(Gender::Male)
    } else if FEMALE.binary_search(&low).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_apart() {
        for table in [MALE, FEMALE] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "not sorted");
        }
        assert!(MALE.iter().all(|m| FEMALE.binary_search(m).is_err()));
    }

    #[test]
    fn first_names_tell_gender() {
        assert_eq!(gender("donald"), Some(Gender::Male));
        assert_eq!(gender("melania"), Some(Gender::Female));
        assert_eq!(gender("jordan"), None);
    }
}
