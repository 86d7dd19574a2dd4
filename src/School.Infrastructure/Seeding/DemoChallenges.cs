using School.Domain.Challenges;
using School.Domain.Staff;
using School.Domain.Students;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Demo personal challenges. Bridgemary's "Personal challenges 2027" for Years 7–9: 40 challenges (a few only for Year 9,
/// a few needing a guardian's consent, some with a community partner), each coached by one or two teachers, with places
/// for about 5% more than the 600 pupils. Choosing ran from Monday 10 to Friday 21 May 2027, just before the summer half
/// term; every Year 7–9 pupil but about one in twenty ranked five challenges, and a handful of challenges are far more
/// popular than the rest. The allocation is not published: an admin previews it and publishes it in the demo.
/// Cramlington has a small menu of four challenges, with no choices yet.
/// </summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>The choosing window: two school weeks ending just before the summer half term (Summer 1 ends 28 May 2027).</summary>
    public static readonly DateTimeOffset ChallengeChoosingOpens = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset ChallengeChoosingCloses = new(2027, 5, 21, 16, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly ChallengeOpenDay = new(2027, 7, 15);

    /// <summary>Bridgemary's challenges: team sizes, places, partner, consent, Year 9 only, and how popular it is (a relative weight).</summary>
    private static readonly DemoChallenge[] BridgemaryChallenges =
    [
        new("Cycle 100 miles: Gosport to Salisbury and back", "Train over six weeks, plan the route and ride it in two days with a support van.", 4, 6, 24, "Gosport Wheelers Cycling Club", true, false, 12),
        new("Stage a musical: Bugsy Malone", "Cast, band, set and lighting: two evening performances in the Learning Hall.", 6, 8, 40, null, false, false, 14),
        new("Work in a care home", "Two afternoons a week with the residents of a care home: talk, play games and record their stories.", 4, 6, 12, "Rowner Lodge Care Home", true, true, 4),
        new("Learn and perform magic tricks", "Master close-up and stage magic and put on a show for the primary schools.", 4, 6, 18, null, false, false, 9),
        new("Build and race an electric kit car", "Build a Greenpower kit car and race it at Goodwood.", 5, 8, 16, "Greenpower Education Trust", true, false, 10),
        new("Make a short film", "Write, shoot and edit a ten-minute film for a screening on the open day.", 4, 6, 18, null, false, false, 8),
        new("Cook a three-course lunch for fifty", "Plan a menu and a budget, then cook and serve a community lunch.", 4, 6, 18, "Gosport Community Larder", false, false, 7),
        new("Design and code a video game", "Make a playable game in a team of designers, coders and artists.", 4, 6, 30, null, false, false, 11),
        new("Raise £500 for a local charity", "Choose a charity, plan events and raise the money by the open day.", 4, 6, 24, null, false, false, 3),
        new("Sign a song in British Sign Language", "Learn BSL from a Deaf tutor and sign a song at the open day.", 4, 6, 12, "Hampshire Deaf Association", false, false, 2),
        new("Plant a community garden", "Turn a corner of the park into a vegetable and wildflower garden.", 4, 8, 16, "Gosport Borough Council Parks", false, false, 2),
        new("Kayak the Solent coast", "Earn a paddlesport award, then kayak from Stokes Bay to Lee-on-the-Solent.", 4, 6, 12, "Portsmouth Outdoor Centre", true, true, 8),
        new("Write and publish a picture book", "Write and illustrate a picture book for a Year 1 class and have it printed.", 4, 6, 12, null, false, false, 3),
        new("Climb the height of Snowdon", "Climb 1,085 metres in total on the climbing wall over the half term.", 4, 6, 12, "Calshot Activities Centre", true, false, 6),
        new("Run a pop-up café", "Plan, stock and run a café for parents for a week.", 4, 8, 24, null, false, false, 4),
        new("Build a robot football team", "Build and program robots for a five-a-side robot football tournament.", 4, 6, 18, null, false, false, 6),
        new("Record a podcast on local history", "Interview people who remember Gosport's past and make a six-part podcast.", 4, 6, 12, "Gosport Discovery Centre", false, false, 2),
        new("Form a band and play a gig", "Form a band, write two songs and play a gig on the open day.", 4, 6, 12, null, false, false, 7),
        new("Train for and run a 10k", "From couch to 10k in eight weeks, finishing at the Gosport Half Marathon's 10k race.", 4, 8, 24, null, false, false, 3),
        new("Restore a wooden dinghy", "Strip, repair and varnish an old sailing dinghy and launch it.", 4, 6, 12, "Hardway Sailing Club", false, false, 2),
        new("Teach first aid to Year 6", "Gain a first-aid certificate, then teach the basics to Year 6 pupils.", 4, 6, 12, "St John Ambulance", false, true, 3),
        new("Make a documentary at the submarine museum", "Film a documentary about life on HMS Alliance with the museum's guides.", 4, 6, 12, "Royal Navy Submarine Museum", false, false, 2),
        new("Design a clothing collection", "Design and sew a small collection from second-hand fabric for a fashion show.", 4, 6, 12, null, false, false, 4),
        new("Learn a circus act", "Juggling, plate spinning and unicycling, ending in a circus act.", 4, 8, 16, null, false, false, 4),
        new("Build a wildlife pond", "Dig a pond, plant it and survey what comes to it.", 4, 6, 12, "Hampshire & Isle of Wight Wildlife Trust", false, false, 1),
        new("Host a tea party for older neighbours", "Plan and host an afternoon tea with entertainment for older people living nearby.", 4, 6, 12, "Age UK Gosport", false, false, 1),
        new("Hold a conversation in Japanese", "Learn Japanese from scratch and hold a five-minute conversation on the open day.", 4, 6, 12, null, false, false, 2),
        new("Launch a weather balloon to the edge of space", "Build the payload, track the flight and recover the photos from 30 km up.", 4, 6, 12, null, false, true, 9),
        new("Paint a mural for the town", "Design a mural with residents and paint it on the community centre wall.", 4, 8, 16, "Gosport Borough Council", false, false, 3),
        new("Camp out and cook on a fire", "Plan a two-day expedition with an overnight camp, cooking every meal on a fire.", 4, 8, 16, null, true, false, 6),
        new("Put on a comedy night", "Write and perform stand-up and sketches for a comedy night.", 4, 6, 12, null, false, false, 3),
        new("Build an outdoor classroom", "Design and build a timber outdoor classroom for the school field.", 4, 8, 16, null, false, false, 2),
        new("Run a repair café", "Fix bikes, toys and lamps for the community, once a week.", 4, 6, 12, "Gosport Repair Café", false, false, 1),
        new("Learn to sail", "Learn to sail a dinghy and earn a sailing certificate.", 4, 6, 12, "Hardway Sailing Club", true, false, 6),
        new("Choreograph and perform a dance", "Create a dance piece and perform it with the school's dance company.", 4, 8, 16, null, false, false, 4),
        new("Run a bakery stall at the market", "Bake, price and sell at Gosport's Saturday market.", 4, 6, 12, null, false, false, 3),
        new("Put on a photography exhibition", "Photograph Gosport through the seasons and hang an exhibition.", 4, 6, 12, null, false, false, 2),
        new("Make a stop-motion animation", "Model the characters, build the sets and animate a three-minute film.", 4, 6, 12, null, false, false, 3),
        new("Coach a primary school sports team", "Coach a primary school's team for a summer tournament.", 4, 6, 12, "Holbrook Primary School", false, true, 2),
        new("Run a chess tournament", "Learn chess strategy and run an open tournament for the school.", 4, 8, 16, null, false, false, 1),
    ];

    private static readonly DemoChallenge[] CramlingtonChallenges =
    [
        new("Walk Hadrian's Wall", "Walk the wall from Wallsend to Bowness-on-Solway in stages.", 4, 8, 48, "Northumberland National Park", true, false, 1),
        new("Stage a musical: Annie", "Two performances in the Learning Village theatre.", 6, 8, 48, null, false, false, 1),
        new("Build a coastal weather station", "Build a weather station, log the data and report the forecast on the open day.", 4, 6, 48, null, false, false, 1),
        new("Volunteer at the food bank", "A term of shifts at the local food bank, and a food drive.", 4, 6, 48, "Cramlington Food Bank", true, false, 1),
    ];

    private void SeedChallenges()
    {
        var menu = AddChallengeMenu(DemoData.BridgemaryChallengeMenuId, DemoData.BridgemaryId, "bridgemary", BridgemaryChallenges, DemoData.BridgemaryTeacherId);
        SeedChallengeChoices(menu, DemoData.BridgemaryId);
        AddChallengeMenu(DemoData.CramlingtonChallengeMenuId, DemoData.CramlingtonId, "cramlington", CramlingtonChallenges, null);
    }

    /// <summary>A menu for Years 7–9 with <paramref name="challenges"/>, coached by the school's generated teachers (and the demo teacher, if named).</summary>
    private ChallengeMenu AddChallengeMenu(Guid id, Guid school, string key, DemoChallenge[] challenges, Guid? demoTeacher)
    {
        var menu = ChallengeMenu.Create(
            id, school, "Personal challenges 2027", ChallengeMenu.DefaultYearGroups, ChallengeChoosingOpens, ChallengeChoosingCloses,
            ChallengeMenu.DefaultChoices, ChallengeOpenDay);
        var teachers = _staff[school]
            .Where(s => s.HasRole(StaffRoles.Teacher) && !s.HasRole(StaffRoles.SchoolAdmin) && s.Id != demoTeacher)
            .ToList();
        for (var k = 0; k < challenges.Length; k++)
        {
            var c = challenges[k];
            // One coach, and a second for every other challenge; the demo teacher coaches the magic show.
            List<Guid> coaches = [teachers[k % teachers.Count].Id];
            if (k % 2 == 0)
            {
                coaches.Add(teachers[(k + (teachers.Count / 2)) % teachers.Count].Id);
            }

            if (demoTeacher is { } named && c.Title.Contains("magic", StringComparison.OrdinalIgnoreCase))
            {
                coaches[0] = named;
            }

            var added = menu.AddChallenge(
                DemoData.IdFor($"{key}:challenge:2027:{k}"),
                new ChallengeDetails(c.Title, c.Description, c.TeamMin, c.TeamMax, c.Capacity, coaches, c.Partner, c.NeedsConsent, c.Year9Only ? [9] : null));
            if (!added.IsSuccess)
            {
                throw new InvalidOperationException($"Demo data: cannot add the challenge '{c.Title}': {added.Error}.");
            }
        }

        db.ChallengeMenus.Add(menu);
        return menu;
    }

    /// <summary>
    /// Five ranked challenges for each Year 7–9 pupil but about one in twenty, drawn by popularity (without repeats) from
    /// those open to their year, submitted on a day of the window. Its own random numbers, so the rest of the demo data
    /// does not depend on it.
    /// </summary>
    private void SeedChallengeChoices(ChallengeMenu menu, Guid school)
    {
        var random = new Random(20270510);
        var popularity = menu.Challenges.Zip(BridgemaryChallenges, (challenge, demo) => (Challenge: challenge, demo.Popularity)).ToList();
        var pupils = _students[school]
            .Where(s => menu.IsOpenTo(s.YearGroup))
            .OrderBy(s => s.PupilNumber, StringComparer.Ordinal)
            .ToList();
        foreach (var pupil in pupils)
        {
            if (random.Next(20) == 0)
            {
                continue; // did not choose
            }

            var open = popularity.Where(p => p.Challenge.IsOpenTo(pupil.YearGroup)).ToList();
            var choices = menu.ChoicesFor(pupil.YearGroup);
            var ranked = new List<Guid>(choices);
            while (ranked.Count < choices)
            {
                var pick = PickWeighted(random, open);
                ranked.Add(open[pick].Challenge.Id);
                open.RemoveAt(pick);
            }

            // Somewhere in the window's school days, during the tutor time or lunch.
            var submittedAt = ChallengeChoosingOpens.AddDays(random.Next(5) + (random.Next(2) * 7)).AddHours(random.Next(2) == 0 ? 1 : 4.5).AddMinutes(random.Next(40));
            AddChallengePreference(menu, pupil, ranked, submittedAt);
        }
    }

    private void AddChallengePreference(ChallengeMenu menu, Student pupil, IReadOnlyList<Guid> ranked, DateTimeOffset at)
    {
        var preference = ChallengePreference.Create(DemoData.IdFor($"challenge-preference:{menu.Id}:{pupil.Id}"), menu.Id, pupil.Id);
        var submitted = preference.Submit(menu, pupil.YearGroup, ranked, at);
        if (!submitted.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: bad challenge choices for {pupil.PupilNumber}: {submitted.Error}.");
        }

        db.ChallengePreferences.Add(preference);
    }

    private static int PickWeighted(Random random, List<(Challenge Challenge, int Popularity)> open)
    {
        var target = random.Next(open.Sum(p => p.Popularity));
        for (var i = 0; i < open.Count; i++)
        {
            target -= open[i].Popularity;
            if (target < 0)
            {
                return i;
            }
        }

        return open.Count - 1;
    }

    private sealed record DemoChallenge(
        string Title, string Description, int TeamMin, int TeamMax, int Capacity, string? Partner, bool NeedsConsent, bool Year9Only, int Popularity);
}
