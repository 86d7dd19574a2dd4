namespace School.Infrastructure.Seeding;

/// <summary>Name lists for generated demo people; picked with a fixed seed, so the same every run.</summary>
internal static class DemoNames
{
    public static readonly string[] Given =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Willow",
        "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Aisha", "Zara", "Maya", "Amira", "Priya", "Chloe",
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theo", "Freddie", "Jack",
        "Charlie", "Finley", "Alfie", "Jacob", "Thomas", "Ethan", "Kai", "Rohan", "Yusuf", "Tomasz", "Daniel", "Samuel", "Joshua",
    ];

    public static readonly string[] Family =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips",
        "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox", "Alexander", "Morgan", "Moore", "Martin", "Price", "Hughes",
        "Edwards", "Harris", "Turner", "Hussain", "Ali", "Nowak", "Kowalski", "Murphy", "Kelly", "Bell", "Ward", "Cooper", "Shaw",
    ];

    public static readonly string[] StaffTitles = ["Mr", "Mrs", "Ms", "Miss", "Dr"];
}
