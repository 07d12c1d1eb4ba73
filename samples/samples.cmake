# Test fixture: configure (which writes compile_commands.json) and build every
# bundled sample under <build>/samples/<name>, so the e2e tests run seam on
# real, compiling code. The sample build uses clang-19 when present.
set(SEAM_SAMPLES shop)
foreach(sample ${SEAM_SAMPLES})
  set(dir ${PROJECT_BINARY_DIR}/samples/${sample})
  add_test(NAME samples.${sample}.configure
    COMMAND ${CMAKE_COMMAND} -S ${PROJECT_SOURCE_DIR}/samples/${sample} -B ${dir} -G Ninja
            -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
  add_test(NAME samples.${sample}.build COMMAND ${CMAKE_COMMAND} --build ${dir} -j 2)
  set_tests_properties(samples.${sample}.configure PROPERTIES FIXTURES_SETUP samples)
  set_tests_properties(samples.${sample}.build PROPERTIES FIXTURES_SETUP samples
    DEPENDS samples.${sample}.configure)
endforeach()
