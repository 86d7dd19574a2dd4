using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

public sealed class RecordOfAchievementTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Record_HoldsEndorsedAchievementsChallengesAndPeerTutoring_OldestFirst_WithWhoEndorsed_AndNothingUnendorsed()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var endorsed = await student.NewEntryAsync(Alex, kind: "Achievement", date: "2026-03-01");
        var notEndorsed = await student.NewEntryAsync(Alex, kind: "Achievement", date: "2026-03-02");
        var challenge = await student.NewEntryAsync(Alex, kind: "Challenge", date: "2026-02-01");
        var unendorsedChallenge = await student.NewEntryAsync(Alex, kind: "Challenge", date: "2026-02-02");
        var tutoring = await tutor.NewEntryAsync(Alex, kind: "PeerTutoring", date: "2026-04-01");
        var work = await student.NewEntryAsync(Alex, kind: "Work", date: "2026-03-03");
        var endorsedWork = await student.NewEntryAsync(Alex, kind: "Work", date: "2026-03-04");
        await AssertStatus(await tutor.PostAsync($"{Entry(Alex, endorsed.Id())}/endorse", null), HttpStatusCode.OK);
        await AssertStatus(await tutor.PostAsync($"{Entry(Alex, endorsedWork.Id())}/endorse", null), HttpStatusCode.OK);
        await AssertStatus(await tutor.PostAsync($"{Entry(Alex, challenge.Id())}/endorse", null), HttpStatusCode.OK);
        await AssertStatus(await tutor.PostAsync($"{Entry(Alex, tutoring.Id())}/endorse", null), HttpStatusCode.OK);

        var record = await student.GetFromJsonAsync<JsonElement>(RecordOfAchievement(Alex));

        Assert.Equal(Alex, record.GetProperty("studentId").GetGuid());
        var items = record.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("entryId").GetGuid()).ToList();
        Assert.Contains(endorsed.Id(), ids);
        Assert.Contains(challenge.Id(), ids);
        Assert.Contains(tutoring.Id(), ids);
        Assert.DoesNotContain(notEndorsed.Id(), ids);
        Assert.DoesNotContain(unendorsedChallenge.Id(), ids); // nobody awards themself a challenge or a credit
        Assert.DoesNotContain(work.Id(), ids);
        Assert.DoesNotContain(endorsedWork.Id(), ids);
        var dates = items.Select(i => DateOnly.Parse(i.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.True(ids.IndexOf(challenge.Id()) < ids.IndexOf(endorsed.Id()) && ids.IndexOf(endorsed.Id()) < ids.IndexOf(tutoring.Id()));
        var endorsement = items.Single(i => i.GetProperty("entryId").GetGuid() == endorsed.Id()).GetProperty("endorsement");
        Assert.Equal(DemoData.BridgemaryTutorId, endorsement.GetProperty("endorsedBy").GetProperty("id").GetGuid());
        Assert.Equal("Mr Okafor", endorsement.GetProperty("endorsedBy").GetProperty("name").GetString());
        Assert.Equal(DemoData.BridgemaryTutorId, items.Single(i => i.GetProperty("entryId").GetGuid() == challenge.Id()).GetProperty("endorsement").GetProperty("endorsedBy").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Record_OfTheDemoStudent_HasTheEndorsedMathsChallengeAndPeerTutoring()
    {
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);

        var record = await pastoral.GetFromJsonAsync<JsonElement>(RecordOfAchievement(Alex));

        var items = record.GetProperty("items").EnumerateArray().ToList();
        var maths = items.Single(i => i.GetProperty("entryId").GetGuid() == DemoData.BridgemaryEndorsedEntryId);
        Assert.Equal("Mr Bennett", maths.GetProperty("endorsement").GetProperty("endorsedBy").GetProperty("name").GetString());
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "PeerTutoring");
    }
}
