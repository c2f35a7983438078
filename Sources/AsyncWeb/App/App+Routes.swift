extension App: RouteRegistrar {
    public func addRoute(
        _ rules: [String], methods: [HTTPMethod], endpoint: String?, registeredAt site: CallSite, handler: @escaping App.Handler
    ) {
        register("route") { setup in
            let automaticOptions = setup.config["PROVIDE_AUTOMATIC_OPTIONS"]?.bool ?? true
            setup.routes.add(
                rules: rules, methods: methods, endpoint: endpoint ?? rules[0], automaticOptions: automaticOptions,
                registeredAt: site, handler: handler)
        }
    }
}
