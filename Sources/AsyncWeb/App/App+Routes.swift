extension App: RouteRegistrar {
    public func addRoute(_ rule: String, methods: [HTTPMethod], endpoint: String?, handler: @escaping App.Handler) {
        register("route") { setup in
            let automaticOptions = setup.config["PROVIDE_AUTOMATIC_OPTIONS"]?.bool ?? true
            setup.routes.add(rule: rule, methods: methods, endpoint: endpoint ?? rule, automaticOptions: automaticOptions, handler: handler)
        }
    }
}
