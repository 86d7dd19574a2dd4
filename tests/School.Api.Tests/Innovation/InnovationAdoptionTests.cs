using static School.Api.Tests.Innovation.TrialDriver;

namespace School.Api.Tests.Innovation;

/// <summary>
/// Phase 3: only a trial in Scaling publishes a practice note (its lead); a school of the project's network adopts it,
/// which starts a linked trial there (Proposed, adoptedFromTrialId), listed in the source's adoptedBy. Adopting twice, or
/// at a school outside the network, is refused; staff who are not the adopting school's admin may not adopt.
/// </summary>
public sealed class InnovationAdoptionTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData("Proposed")]
    [InlineData("Selected")]
    [InlineData("Incubating")]
    [InlineData("Evaluating")]
    public async Task PracticeNote_BeforeScaling_Is409NoteNeedsScaling(string status)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ToStatusAsync(trialId, status);

        await (await lead.PublishAsync(trialId)).AssertRule("trial.rule.note_needs_scaling");

        Assert.Equal(JsonValueKind.Null, (await lead.GetTrialAsync(trialId)).GetProperty("practiceNote").ValueKind);
    }

    [Fact]
    public async Task PracticeNote_Discontinued_Is409NoteNeedsScaling()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ScaleAsync(trialId);
        await lead.MoveAsync(trialId, "Discontinued", "Could not be sustained.");

        await (await lead.PublishAsync(trialId)).AssertRule("trial.rule.note_needs_scaling");
    }

    [Fact]
    public async Task PracticeNote_InScaling_IsPublishedWithItsTime()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ScaleAsync(trialId);

        var response = await lead.PublishAsync(trialId);

        await AssertStatus(response, 200);
        var note = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("practiceNote");
        Assert.Equal("How we did it", note.GetProperty("title").GetString());
        Assert.Equal("The practice, step by step.", note.GetProperty("body").GetString());
        Assert.Equal(factory.Time.GetUtcNow(), note.GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(Accounts.Admin, 403)]
    [InlineData(Accounts.Teacher, 403)]
    [InlineData(Accounts.Student, 404)]
    [InlineData(Accounts.CramlingtonAdmin, 404)]
    public async Task PracticeNote_OnlyTheLeadPublishes(string caller, int expected)
    {
        using var lead = await factory.ClientFor(Lead);
        using var client = await factory.ClientFor(caller);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ScaleAsync(trialId);

        await AssertStatus(await client.PublishAsync(trialId), expected);

        Assert.Equal(JsonValueKind.Null, (await lead.GetTrialAsync(trialId)).GetProperty("practiceNote").ValueKind);
    }

    [Fact]
    public async Task Adopt_NetworkSchoolsAdmin_StartsALinkedProposedTrialThere()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var (projectId, ideaId, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);
        var source = await lead.GetTrialAsync(sourceId);

        var response = await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId);

        await AssertStatus(response, 201);
        var adopted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var adoptedId = IdOf(adopted);
        Assert.Equal($"/api/field-trials/{adoptedId}", response.Headers.Location?.OriginalString);
        Assert.NotEqual(sourceId, adoptedId);
        Assert.Equal("Proposed", StatusOf(adopted));
        Assert.Equal(sourceId, adopted.GetProperty("adoptedFromTrialId").GetGuid());
        Assert.Equal(projectId, adopted.GetProperty("projectId").GetGuid());
        Assert.Equal(ideaId, adopted.GetProperty("ideaId").GetGuid());
        Assert.Equal(source.GetProperty("title").GetString(), adopted.GetProperty("title").GetString());
        Assert.Equal([DemoData.CramlingtonId], adopted.GetProperty("schools").EnumerateArray().Select(IdOf));
        var history = Assert.Single(HistoryOf(adopted));
        Assert.Equal("Proposed", history.GetProperty("to").GetString());
        Assert.Equal(DemoData.CramlingtonAdminId, history.GetProperty("by").GetGuid());
        Assert.Equal(0, adopted.GetProperty("baseline").GetArrayLength());
        Assert.Equal(0, adopted.GetProperty("indicators").GetArrayLength());

        var sourceAfter = await lead.GetTrialAsync(sourceId);
        Assert.Equal([adoptedId], sourceAfter.GetProperty("adoptedBy").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("Scaling", StatusOf(sourceAfter));
        Assert.Equal([DemoData.BridgemaryId], sourceAfter.GetProperty("schools").EnumerateArray().Select(IdOf));
    }

    [Fact]
    public async Task Adopt_TheAdoptedTrialIsTheAdoptingSchools_AndMovesUnderItsOwnRules()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        var (projectId, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);
        var adoptedId = IdOf(await (await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId)).Content.ReadFromJsonAsync<JsonElement>());

        // The adopting school's admin runs it; the source school's staff do not see it (they take no part).
        await cramlington.MoveAsync(adoptedId, "Selected", "Adopting the practice.");
        await (await cramlington.TransitionAsync(adoptedId, "Incubating")).AssertRule("trial.rule.baseline_recorded");
        await AssertStatus(await bridgemary.GetAsync(Trial(adoptedId)), 404);
        await AssertStatus(await cramlington.GetAsync(Trial(sourceId)), 404);

        // The lead sees both, linked, in the project and in Cramlington's view.
        var project = await lead.GetJsonAsync(Project(projectId));
        var summary = Assert.Single(project.GetProperty("trials").EnumerateArray(), t => IdOf(t) == adoptedId);
        Assert.Equal(sourceId, summary.GetProperty("adoptedFromTrialId").GetGuid());
        var school = await cramlington.GetJsonAsync(SchoolTrials(DemoData.CramlingtonId));
        var listed = Assert.Single(school.EnumerateArray(), t => IdOf(t) == adoptedId);
        Assert.Equal("Selected", StatusOf(listed));
        Assert.Equal(sourceId, listed.GetProperty("adoptedFromTrialId").GetGuid());
    }

    [Fact]
    public async Task Adopt_TheLeadAdoptsOnASchoolsBehalf()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);

        var response = await lead.AdoptAsync(sourceId, DemoData.CramlingtonId);

        await AssertStatus(response, 201);
        var adopted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(sourceId, adopted.GetProperty("adoptedFromTrialId").GetGuid());
    }

    [Fact]
    public async Task Adopt_Twice_Is409AlreadyAdopted_AndStartsNoSecondTrial()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);
        await AssertStatus(await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId), 201);

        await (await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId)).AssertRule("trial.already_adopted");
        await (await lead.AdoptAsync(sourceId, DemoData.CramlingtonId)).AssertRule("trial.already_adopted");

        Assert.Equal(1, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    [Fact]
    public async Task Adopt_AtASchoolAlreadyInTheTrial_Is409AlreadyAdopted()
    {
        using var lead = await factory.ClientFor(Lead);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);

        await (await bridgemary.AdoptAsync(sourceId, DemoData.BridgemaryId)).AssertRule("trial.already_adopted");
        await (await lead.AdoptAsync(sourceId, DemoData.BridgemaryId)).AssertRule("trial.already_adopted");

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    [Fact]
    public async Task Adopt_SchoolOutsideTheNetwork_ByTheLead_Is409SchoolOutsideNetwork()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BridgemaryOnly, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);

        await (await lead.AdoptAsync(sourceId, DemoData.CramlingtonId)).AssertRule("innovation.school_outside_network");

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    [Fact]
    public async Task Adopt_UnknownSchool_ByTheLead_Is409SchoolOutsideNetwork()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);

        await (await lead.AdoptAsync(sourceId, Guid.NewGuid())).AssertRule("innovation.school_outside_network");
    }

    /// <summary>The admin of a school outside the network cannot see the project or its trials: the source is not found for them.</summary>
    [Fact]
    public async Task Adopt_SchoolOutsideTheNetwork_ByItsAdmin_IsRefusedAndStartsNoTrial()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BridgemaryOnly, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);

        await AssertStatus(await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId), 404);

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
        Assert.DoesNotContain(
            (await cramlington.GetJsonAsync(SchoolTrials(DemoData.CramlingtonId))).EnumerateArray(),
            t => t.TryGetProperty("adoptedFromTrialId", out var from) && from.ValueKind == JsonValueKind.String && from.GetGuid() == sourceId);
    }

    [Fact]
    public async Task Adopt_ProposingAtASchoolOutsideTheNetwork_Is409SchoolOutsideNetwork()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync(BridgemaryOnly));
        var idea = IdOf(await lead.NewIdeaAsync(project));

        var response = await lead.PostAsJsonAsync(ProposeUrl(project), TrialBody(idea, BothSchools));

        await response.AssertRule("innovation.school_outside_network");
        Assert.Equal(0, (await lead.GetJsonAsync(Project(project))).GetProperty("trials").GetArrayLength());
    }

    [Fact]
    public async Task Adopt_NoteNotPublished_ByTheLead_Is409NotePublished()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.ScaleAsync(sourceId);

        await (await lead.AdoptAsync(sourceId, DemoData.CramlingtonId)).AssertRule("trial.rule.note_published");
    }

    [Fact]
    public async Task Adopt_NoteNotPublished_ByANetworkSchoolsAdmin_IsRefused()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.ScaleAsync(sourceId);

        // Cramlington takes no part in the trial, and there is no published note for it to see.
        await AssertStatus(await cramlington.AdoptAsync(sourceId, DemoData.CramlingtonId), 404);

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    /// <summary>Staff of the source's school who are not the adopting school's admin may see the trial but not adopt it.</summary>
    [Theory]
    [InlineData(Accounts.Teacher, "Cramlington")]
    [InlineData(Accounts.Tutor, "Cramlington")]
    [InlineData(Accounts.Pastoral, "Cramlington")]
    [InlineData(Accounts.Admin, "Cramlington")]
    [InlineData(Accounts.Teacher, "Bridgemary")]
    public async Task Adopt_StaffWhoAreNotTheAdoptingSchoolsAdmin_Is403(string caller, string school)
    {
        using var lead = await factory.ClientFor(Lead);
        using var client = await factory.ClientFor(caller);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);
        var schoolId = school == "Cramlington" ? DemoData.CramlingtonId : DemoData.BridgemaryId;

        await AssertStatus(await client.AdoptAsync(sourceId, schoolId), 403);

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    [Theory]
    [InlineData(Accounts.Student, "Bridgemary")]
    [InlineData(Accounts.Parent, "Bridgemary")]
    [InlineData(Accounts.CramlingtonStudent, "Cramlington")]
    [InlineData(Accounts.CramlingtonParent, "Cramlington")]
    public async Task Adopt_StudentsAndGuardians_Is404(string caller, string school)
    {
        using var lead = await factory.ClientFor(Lead);
        using var client = await factory.ClientFor(caller);
        var (_, _, sourceId) = await lead.NewTrialAsync(network: BothSchools, schools: BridgemaryOnly);
        await lead.PublishedAsync(sourceId);
        var schoolId = school == "Cramlington" ? DemoData.CramlingtonId : DemoData.BridgemaryId;

        await AssertStatus(await client.AdoptAsync(sourceId, schoolId), 404);

        Assert.Equal(0, (await lead.GetTrialAsync(sourceId)).GetProperty("adoptedBy").GetArrayLength());
    }

    [Fact]
    public async Task Adopt_UnknownTrial_Is404()
    {
        using var lead = await factory.ClientFor(Lead);

        await AssertStatus(await lead.AdoptAsync(Guid.NewGuid(), DemoData.CramlingtonId), 404);
    }
}
