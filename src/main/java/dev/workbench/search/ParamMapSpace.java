package dev.workbench.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.AbstractParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An Arbiter parameter space over named leaves whose value is the map of leaf values, in declaration
 * order. Arbiter's generators assign each leaf its coordinate in the unit hypercube.
 */
final class ParamMapSpace extends AbstractParameterSpace<Map<String, Double>> {

    private final Map<String, ParameterSpace<Double>> leaves;

    ParamMapSpace(Map<String, ParameterSpace<Double>> leaves) {
        this.leaves = Collections.unmodifiableMap(new LinkedHashMap<>(leaves));
    }

    @Override
    public Map<String, Double> getValue(double[] parameterValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        leaves.forEach((name, space) -> values.put(name, space.getValue(parameterValues)));
        return values;
    }

    @Override
    public int numParameters() {
        return leaves.size();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return new ArrayList<>(leaves.values());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return new LinkedHashMap<>(leaves);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("indices are set on the leaves");
    }
}
