namespace Breakaway.Web.Measures;

public static class MeasureRegistration
{
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.AddOptions<MeasureOptions>().BindConfiguration(MeasureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MeasureCatalog>();
        services.AddScoped<MeasureService>();
        return services;
    }
}
