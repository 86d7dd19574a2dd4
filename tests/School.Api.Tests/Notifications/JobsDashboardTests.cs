using Microsoft.Extensions.DependencyInjection;

namespace School.Api.Tests.Notifications;

/// <summary>The Hangfire dashboard at /hangfire is for school admins only.</summary>
public sealed class JobsDashboardTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task Dashboard_Anonymous_Is401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Tutor)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    public async Task Dashboard_AnyoneButASchoolAdmin_Is403(string account)
    {
        using var client = await factory.ClientFor(account);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.CramlingtonAdmin)]
    public async Task Dashboard_SchoolAdmin_Is200(string account)
    {
        using var client = await factory.ClientFor(account);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("School background jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The jobs serve every school: a school admin may look, only the deployment's operator may change them.</summary>
public sealed class JobsDashboardOperatorTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData("/hangfire/recurring/remove")]
    [InlineData("/hangfire/recurring/trigger")]
    public async Task ChangingARecurringJob_AsAnotherSchoolsAdmin_Is403AndTheJobIsKept(string command)
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var response = await cramlington.PostAsync(command, Jobs(School.Infrastructure.Jobs.BackgroundJobs.DeliveryJobId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(School.Infrastructure.Jobs.BackgroundJobs.DeliveryJobId, RecurringJobIds(factory));
    }

    [Fact]
    public async Task TheRecurringJobsPage_ShowsChangeButtonsToTheOperatorOnly()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var operatorClient = await factory.ClientFor(Accounts.Admin);

        var readOnly = await cramlington.GetStringAsync("/hangfire/recurring");
        var full = await operatorClient.GetStringAsync("/hangfire/recurring");

        Assert.Contains(School.Infrastructure.Jobs.BackgroundJobs.DeliveryJobId, readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("/hangfire/recurring/remove", readOnly, StringComparison.Ordinal);
        Assert.Contains("/hangfire/recurring/remove", full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperator_MayTriggerAndRemoveARecurringJob()
    {
        using var own = new SchoolApiFactory();
        using var operatorClient = await own.ClientFor(Accounts.Admin);

        var triggered = await operatorClient.PostAsync("/hangfire/recurring/trigger", Jobs(School.Infrastructure.Jobs.BackgroundJobs.SweepJobId));
        var removed = await operatorClient.PostAsync("/hangfire/recurring/remove", Jobs(School.Infrastructure.Jobs.BackgroundJobs.SweepJobId));

        Assert.Equal(HttpStatusCode.NoContent, triggered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(School.Infrastructure.Jobs.BackgroundJobs.SweepJobId, RecurringJobIds(own));
    }

    private static FormUrlEncodedContent Jobs(string id) => new([new KeyValuePair<string, string>("jobs[]", id)]);

    private static List<string> RecurringJobIds(SchoolApiFactory host)
    {
        using var connection = host.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id).ToList();
    }
}
