package org.liaisonhub.mapping.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * FHIRPath for FHIR rule sets, on HAPI's R4 engine: parses expressions when mapping files load, evaluates them
 * with the rule's constants ({@code %patient}, {@code %encounter}, {@code %mrnSystem}, {@code %visitSystem}) and
 * with {@code resolve()} following references to the resources the hub has (same bundle, earlier requests, the
 * EHR). One engine per thread: the engine is not made for concurrent use.
 */
public final class FhirPaths {

    private final FhirContext fhir;
    private final ThreadLocal<FHIRPathEngine> engines;
    private FHIRPathEngine parser;

    public FhirPaths(FhirContext fhir) {
        this.fhir = fhir;
        this.engines = ThreadLocal.withInitial(() -> {
            FHIRPathEngine engine = new FHIRPathEngine(new HapiWorkerContext(fhir, fhir.getValidationSupport()));
            engine.setHostServices(new Host());
            return engine;
        });
    }

    /** @throws IllegalArgumentException saying what is wrong with the expression */
    public synchronized ExpressionNode parse(String expression) {
        if (parser == null) {
            // parsing needs no type definitions; loading R4's (2-3 s) waits for the first evaluation
            parser = new FHIRPathEngine(new HapiWorkerContext(fhir, new NoDefinitions(fhir)));
        }
        try {
            return parser.parse(expression);
        } catch (FHIRException e) {
            throw new IllegalArgumentException("'" + expression + "' is not valid FHIRPath: " + e.getMessage(), e);
        }
    }

    List<Base> evaluate(FhirRuleContext context, Resource focus, ExpressionNode expression) {
        return engines.get().evaluate(context, focus, focus, focus, expression);
    }

    /** Validation support that knows no structure definitions: all a parser needs. */
    private record NoDefinitions(FhirContext getFhirContext) implements IValidationSupport {

        @Override
        public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
            return List.of();
        }
    }

    /** Gives the engine the rule's constants and reference resolution, through the app context it passes on. */
    private static final class Host implements IHostApplicationServices {

        @Override
        public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
                FHIRPathConstantEvaluationMode mode) {
            if (mode != FHIRPathConstantEvaluationMode.EXPLICIT) {
                // a bare name is an element, never one of ours
                return new ArrayList<>();
            }
            List<Base> value = ((FhirRuleContext) appContext).constant(name);
            if (value == null) {
                throw new PathEngineException("Unknown constant %" + name
                        + " (there are %patient, %encounter, %mrnSystem and %visitSystem)");
            }
            return value;
        }

        @Override
        public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name,
                FHIRPathConstantEvaluationMode mode) {
            return null;
        }

        @Override
        public boolean log(String argument, List<Base> focus) {
            return false;
        }

        @Override
        public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
            return null;
        }

        @Override
        public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName,
                TypeDetails focus, List<TypeDetails> parameters) {
            return null;
        }

        @Override
        public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus,
                String functionName, List<List<Base>> parameters) {
            return null;
        }

        @Override
        public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
            return ((FhirRuleContext) appContext).resolve(url);
        }

        @Override
        public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url) {
            return false;
        }

        @Override
        public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
            return null;
        }

        @Override
        public boolean paramIsType(String name, int index) {
            return false;
        }
    }
}
